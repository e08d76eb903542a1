// ENG › … › Orders service › Orders API reference: a large generated page (~65 KB of storage,
// 24 endpoint sections with parameter tables, request/response examples, notes and statuses),
// the kind of page that times out or gets truncated in peers.
import { JONAS } from '../company.js';
import type { PageSpec } from './types.js';
import { c, code, h, type Ids, p, panel, status, table, toc } from './xhtml.js';

const RESOURCES = ['orders', 'refunds', 'shipments', 'carts'];
const VERBS: Array<[string, string, string]> = [
  ['GET', '', 'List'],
  ['POST', '', 'Create'],
  ['GET', '/{id}', 'Get'],
  ['PATCH', '/{id}', 'Update'],
  ['DELETE', '/{id}', 'Delete'],
  ['GET', '/{id}/history', 'History of'],
];

function endpoint(ids: Ids, resource: string, [method, suffix, verb]: [string, string, string], n: number): string {
  const path = `/v2/${resource}${suffix}`;
  const singular = resource.replace(/s$/, '');
  const fields = ['id', 'status', 'createdAt', 'updatedAt', 'merchantId', `${singular.replace(/-/g, '')}Total`];
  return (
    h(2, `${verb} ${resource.replace(/-/g, ' ')}: ${method} ${path}`) +
    p(
      `${verb} ${method === 'GET' && !suffix ? resource : `a ${singular}`} of the calling merchant.`,
      method === 'POST'
        ? ` Idempotent with an ${c('Idempotency-Key')} header.`
        : method === 'GET'
          ? ' Safe to retry.'
          : ' Idempotent.',
    ) +
    table([
      ['Parameter', 'In', 'Type', 'Required', 'Description'],
      ...(suffix.includes('{id}')
        ? [[c('id'), 'path', 'string', 'yes', `The ${singular} id (${c(`${singular.slice(0, 3)}_…`)}).`]]
        : []),
      [c('limit'), 'query', 'integer', 'no', 'Page size, 1–100 (default 25).'],
      [c('cursor'), 'query', 'string', 'no', 'Opaque cursor from the previous page.'],
      [c('fields'), 'query', 'string', 'no', `Comma-separated subset of ${fields.join(', ')}.`],
    ]) +
    h(3, 'Example') +
    code(
      ids,
      'bash',
      `curl -s -X ${method} "https://api.nimbus-works.example${path.replace('{id}', `${singular.slice(0, 3)}_${1000 + n}`)}?limit=2" \\\n  -H "Authorization: Bearer $NOVA_TOKEN"${method === 'POST' ? ` \\\n  -H "Idempotency-Key: $(uuidgen)"` : ''}`,
    ) +
    code(
      ids,
      'json',
      JSON.stringify(
        {
          id: `${singular.slice(0, 3)}_${1000 + n}`,
          status: n % 3 ? 'open' : 'closed',
          createdAt: '2026-10-01T09:30:00Z',
          updatedAt: '2026-10-02T11:00:00Z',
          merchantId: `mer_${200 + (n % 7)}`,
          lines: [{ sku: `SKU-${n}`, quantity: 1 + (n % 4) }],
        },
        null,
        2,
      ),
      'Response 200',
    ) +
    h(3, 'Errors') +
    table([
      ['Status', 'Code', 'When'],
      ['400', c('invalid_request'), 'A parameter is malformed.'],
      ['404', c('not_found'), `No such ${singular} for this merchant.`],
      ['409', c('conflict'), 'The resource changed since it was read (send the latest version).'],
      ['429', c('rate_limited'), 'More than 50 requests per second; honour Retry-After.'],
    ]) +
    (n % 5 === 0
      ? panel(
          ids,
          'note',
          p(
            'Deprecated fields ',
            c('total_cents'),
            ' and ',
            c('currency_code'),
            ' are still returned until 2027-03-31.',
          ),
        )
      : '') +
    p('Status: ', status(ids, n % 4 ? 'STABLE' : 'BETA', n % 4 ? 'Green' : 'Yellow'))
  );
}

export const referencePage = (): PageSpec => ({
  title: 'Orders API reference',
  parent: 'Orders service',
  author: JONAS,
  age: 170,
  labels: ['api', 'reference', 'backend'],
  edits: [
    [JONAS, 90, 'Refunds'],
    [JONAS, 20, 'Shipments and carts'],
  ],
  body: (ids) =>
    panel(ids, 'info', p('Generated from the OpenAPI document of the orders service; edit the prose sections only.')) +
    toc(ids, 2) +
    RESOURCES.flatMap((r, i) => VERBS.map((v, j) => endpoint(ids, r, v, i * VERBS.length + j))).join(''),
});
