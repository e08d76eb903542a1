#!/usr/bin/env node
// Vendors the subset of Atlassian's Jira Service Management OpenAPI spec this plugin calls, then
// generates types. Usage: node plugins/service-desk/scripts/prune-spec.mjs [specsDir]
// (default: ../shared/specs). Only the operations listed below are kept, with the component
// schemas they reference (transitively); examples and prose are dropped. Assets has no public
// OpenAPI document: its shapes are typed by hand in src/client/assets-types.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
const pluginDir = resolve(here, '..');
const specsDir = resolve(process.argv[2] ?? join(pluginDir, '../../../shared/specs'));

const R = '/rest/servicedeskapi';
const ops = {
  [`${R}/info`]: ['get'],
  [`${R}/assets/workspace`]: ['get'],
  [`${R}/servicedesk`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/requesttype`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/requesttypegroup`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/requesttype/{requestTypeId}`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/requesttype/{requestTypeId}/field`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/customer`]: ['get', 'post'],
  [`${R}/servicedesk/{serviceDeskId}/organization`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/queue`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/queue/{queueId}/issue`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/knowledgebase/article`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/attachTemporaryFile`]: ['post'],
  [`${R}/requesttype`]: ['get'],
  [`${R}/request`]: ['get', 'post'],
  [`${R}/request/{issueIdOrKey}`]: ['get'],
  [`${R}/request/{issueIdOrKey}/comment`]: ['get', 'post'],
  [`${R}/request/{issueIdOrKey}/status`]: ['get'],
  [`${R}/request/{issueIdOrKey}/transition`]: ['get', 'post'],
  [`${R}/request/{issueIdOrKey}/sla`]: ['get'],
  [`${R}/request/{issueIdOrKey}/approval`]: ['get'],
  [`${R}/request/{issueIdOrKey}/approval/{approvalId}`]: ['get', 'post'],
  [`${R}/request/{issueIdOrKey}/participant`]: ['get', 'post', 'delete'],
  [`${R}/request/{issueIdOrKey}/notification`]: ['get', 'put', 'delete'],
  [`${R}/request/{issueIdOrKey}/attachment`]: ['get', 'post'],
  [`${R}/request/{requestIdOrKey}/feedback`]: ['get'],
  [`${R}/knowledgebase/article`]: ['get'],
  [`${R}/customer`]: ['post'],
  [`${R}/organization`]: ['get'],
  [`${R}/organization/{organizationId}/user`]: ['post'],
};

const DROP_KEYS = new Set([
  'example',
  'examples',
  'description',
  'x-atlassian-connect-scope',
  'externalDocs',
  'x-atlassian-data-security-policy',
]);

// Inside a `properties` map the keys are field names (a field may be called "description").
function strip(node, isPropertyMap = false) {
  if (Array.isArray(node)) return node.map((n) => strip(n));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node))
    if (isPropertyMap || !DROP_KEYS.has(k)) out[k] = strip(v, !isPropertyMap && k === 'properties');
  return out;
}

function refsIn(node, found) {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, found));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') found.add(v);
      else refsIn(v, found);
    }
  }
}

function prune(spec) {
  const paths = {};
  for (const [path, methods] of Object.entries(ops)) {
    const item = spec.paths[path];
    if (!item) throw new Error(`path not in spec: ${path}`);
    paths[path] = {};
    if (item.parameters) paths[path].parameters = item.parameters;
    for (const m of methods) {
      if (!item[m]) throw new Error(`operation not in spec: ${m.toUpperCase()} ${path}`);
      const { operationId, parameters, requestBody, responses, security } = item[m];
      paths[path][m] = {
        operationId,
        parameters,
        requestBody,
        responses,
        security,
        'x-atlassian-oauth2-scopes': item[m]['x-atlassian-oauth2-scopes'],
        'x-experimental': item[m]['x-experimental'],
      };
    }
  }
  const keep = new Map();
  const queue = new Set();
  refsIn(paths, queue);
  while (queue.size) {
    const [ref] = queue;
    queue.delete(ref);
    if (keep.has(ref)) continue;
    const [, , section, name] = ref.split('/');
    const target = spec.components?.[section]?.[name];
    if (!target) throw new Error(`dangling $ref ${ref}`);
    keep.set(ref, [section, name, target]);
    const inner = new Set();
    refsIn(target, inner);
    for (const r of inner) if (!keep.has(r)) queue.add(r);
  }
  const components = { securitySchemes: spec.components?.securitySchemes };
  for (const [section, name, target] of [...keep.values()].sort((a, b) => a[1].localeCompare(b[1]))) {
    components[section] ??= {};
    components[section][name] = target;
  }
  return strip({ openapi: spec.openapi, info: spec.info, servers: spec.servers, paths, components });
}

const spec = JSON.parse(readFileSync(join(specsDir, 'jira-service-management.openapi.json'), 'utf8'));
const pruned = prune(spec);
const specOut = join(pluginDir, 'spec', 'jsm.subset.json');
writeFileSync(specOut, JSON.stringify(pruned, null, 1) + '\n');
// JSM reuses two operationIds (getArticles, getOrganizations: site-wide and per desk); the
// vendored subset keeps them as Atlassian wrote them, the types get unique names.
const seen = new Set();
for (const [path, item] of Object.entries(pruned.paths))
  for (const op of Object.values(item))
    if (op?.operationId) {
      if (seen.has(op.operationId)) op.operationId += path.includes('{serviceDeskId}') ? 'OfServiceDesk' : 'OfSite';
      seen.add(op.operationId);
    }
const tmp = mkdtempSync(join(tmpdir(), 'jsm-spec-'));
const typesIn = join(tmp, 'jsm.json');
writeFileSync(typesIn, JSON.stringify(pruned));
const typesOut = join(pluginDir, 'src/generated', 'jsm.ts');
const bin = resolve(pluginDir, '../../node_modules/.bin/openapi-typescript');
execFileSync(bin, [typesIn, '-o', typesOut], { stdio: ['ignore', 'ignore', 'inherit'] });
rmSync(tmp, { recursive: true, force: true });
process.stderr.write(
  `jsm.subset.json: ${Object.keys(pruned.paths).length} paths, ${Object.keys(pruned.components.schemas ?? {}).length} schemas\n`,
);
