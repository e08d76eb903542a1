import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(__dirname, '../..');
type Spec = {
  paths: Record<string, Record<string, { operationId?: string; 'x-experimental'?: boolean }>>;
  components: { schemas?: Record<string, unknown> };
};
// The one implementation every plugin's scripts/prune-spec.mjs calls.
const { pruneSpec: prune } = require('../../scripts/prune-spec.mjs') as {
  pruneSpec(spec: unknown, ops: Record<string, string[]>, options?: object): Spec;
};

const spec = {
  openapi: '3.0.1',
  info: { title: 'T', version: '1' },
  servers: [{ url: 'https://x/wiki/api/v2' }],
  paths: {
    '/things/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'getThing',
        description: 'prose',
        'x-experimental': true,
        'x-atlassian-oauth2-scopes': [{ scheme: 'OAuth2', state: 'Current', scopes: ['read:thing'] }],
        responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
      },
      delete: { operationId: 'deleteThing', responses: { '204': {} } },
    },
    '/others': { get: { operationId: 'getOthers', responses: {} } },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        example: { name: 'x' },
        properties: { description: { type: 'string' }, owner: { $ref: '#/components/schemas/User' } },
      },
      User: { type: 'object', properties: { id: { type: 'string', description: 'prose' } } },
      Unused: { type: 'object' },
    },
  },
};

describe('scripts/prune-spec.mjs (the vendored OpenAPI subsets of every plugin)', () => {
  it('keeps the listed operations and the schemas they reach, without examples or prose', () => {
    const out = prune(spec, { '/things/{id}': ['get'] });
    expect(Object.keys(out.paths)).toEqual(['/things/{id}']);
    expect(Object.keys(out.paths['/things/{id}']!)).toEqual(['parameters', 'get']);
    expect(out.paths['/things/{id}']!.get).toEqual({
      operationId: 'getThing',
      'x-atlassian-oauth2-scopes': [{ scheme: 'OAuth2', state: 'Current', scopes: ['read:thing'] }],
      responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
    });
    // Transitively referenced schemas only; a field called "description" is a field, not prose.
    expect(out.components.schemas).toEqual({
      Thing: {
        type: 'object',
        properties: { description: { type: 'string' }, owner: { $ref: '#/components/schemas/User' } },
      },
      User: { type: 'object', properties: { id: { type: 'string' } } },
    });
  });

  it('puts a prefix on the paths and keeps experimental marks when asked', () => {
    const out = prune(spec, { '/things/{id}': ['get'] }, { prefix: '/wiki/api/v2', keepExperimental: true });
    expect(Object.keys(out.paths)).toEqual(['/wiki/api/v2/things/{id}']);
    expect(out.paths['/wiki/api/v2/things/{id}']!.get!['x-experimental']).toBe(true);
  });

  it('fails on an operation the spec does not have', () => {
    expect(() => prune(spec, { '/nowhere': ['get'] })).toThrow('path not in spec: /nowhere');
    expect(() => prune(spec, { '/others': ['post'] })).toThrow('operation not in spec: POST /others');
  });

  it.each([
    ['jira', 'jira-platform.subset.json', {}],
    ['jira', 'jira-agile.subset.json', {}],
    ['confluence', 'confluence-v1.subset.json', {}],
    ['service-desk', 'jsm.subset.json', { keepExperimental: true }],
  ])('reproduces the vendored %s subset %s from itself (nothing kept that pruning drops)', (plugin, file, options) => {
    const vendored = JSON.parse(readFileSync(join(repo, 'plugins', plugin, 'spec', file), 'utf8')) as Spec;
    const ops = Object.fromEntries(
      Object.entries(vendored.paths).map(([path, item]) => [path, Object.keys(item).filter((k) => k !== 'parameters')]),
    );
    expect(prune(vendored, ops, options)).toEqual(vendored);
  });
});
