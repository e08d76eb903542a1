#!/usr/bin/env node
// Vendors the subset of Atlassian's Confluence OpenAPI specs (v2, and the v1 pieces v2 lacks) this plugin calls, then generates types.
// Usage: node plugins/confluence/scripts/prune-spec.mjs [specsDir]   (default: ../shared/specs)
// Only operations listed below are kept, with the component schemas they reference
// (transitively); examples and prose are dropped to keep the vendored file small.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
const pluginDir = resolve(here, '..');
const specsDir = resolve(process.argv[2] ?? join(pluginDir, '../../../shared/specs'));

const v2Ops = {
  '/spaces': ['get'],
  '/spaces/{id}': ['get'],
  '/spaces/{id}/pages': ['get'],
  '/spaces/{id}/blogposts': ['get'],
  '/pages': ['get', 'post'],
  '/pages/{id}': ['get', 'put', 'delete'],
  '/pages/{id}/direct-children': ['get'],
  '/pages/{id}/descendants': ['get'],
  '/pages/{id}/ancestors': ['get'],
  '/pages/{id}/labels': ['get'],
  '/pages/{id}/attachments': ['get'],
  '/pages/{id}/versions': ['get'],
  '/pages/{page-id}/versions/{version-number}': ['get'],
  '/pages/{id}/footer-comments': ['get'],
  '/pages/{id}/inline-comments': ['get'],
  '/blogposts': ['get', 'post'],
  '/blogposts/{id}': ['get'],
  '/footer-comments': ['post'],
  '/footer-comments/{comment-id}': ['get', 'put', 'delete'],
  '/footer-comments/{id}/children': ['get'],
  '/inline-comments': ['post'],
  '/inline-comments/{comment-id}': ['get', 'put', 'delete'],
  '/inline-comments/{id}/children': ['get'],
  '/labels': ['get'],
  '/labels/{id}/pages': ['get'],
  '/attachments/{id}': ['get', 'delete'],
  '/users-bulk': ['post'],
};

const v1Ops = {
  '/wiki/rest/api/search': ['get'],
  '/wiki/rest/api/search/user': ['get'],
  '/wiki/rest/api/user/current': ['get'],
  '/wiki/rest/api/content/{id}/label': ['post'],
  '/wiki/rest/api/content/{id}/label/{label}': ['delete'],
  '/wiki/rest/api/content/{id}/child/attachment': ['put'],
  '/wiki/rest/api/content/{pageId}/move/{position}/{targetId}': ['put'],
  '/wiki/rest/api/content/{id}/copy': ['post'],
  '/wiki/rest/api/content/{id}/version': ['post'],
  '/wiki/rest/api/content/archive': ['post'],
  '/wiki/rest/api/content/{id}/restriction/byOperation': ['get'],
  '/wiki/rest/api/template/page': ['get'],
  '/wiki/rest/api/template/{contentTemplateId}': ['get'],
};

const DROP_KEYS = new Set([
  'example',
  'examples',
  'description',
  'x-atlassian-connect-scope',
  'x-experimental',
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

function prune(spec, ops, prefix) {
  const paths = {};
  for (const [path, methods] of Object.entries(ops)) {
    const item = spec.paths[path];
    if (!item) throw new Error(`path not in spec: ${path}`);
    const out = (paths[prefix + path] = {});
    if (item.parameters) out.parameters = item.parameters;
    for (const m of methods) {
      if (!item[m]) throw new Error(`operation not in spec: ${m.toUpperCase()} ${path}`);
      const {
        operationId,
        parameters,
        requestBody,
        responses,
        security,
        'x-atlassian-oauth2-scopes': scopes,
      } = item[m];
      out[m] = {
        operationId,
        parameters,
        requestBody,
        responses,
        security,
        'x-atlassian-oauth2-scopes': scopes,
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

function vendor(file, ops, outName, typesName, prefix = '') {
  const spec = JSON.parse(readFileSync(join(specsDir, file), 'utf8'));
  const pruned = prune(spec, ops, prefix);
  const specOut = join(pluginDir, 'spec', outName);
  writeFileSync(specOut, JSON.stringify(pruned, null, 1) + '\n');
  const typesOut = join(pluginDir, 'src/generated', typesName);
  const bin = resolve(pluginDir, '../../node_modules/.bin/openapi-typescript');
  execFileSync(bin, [specOut, '-o', typesOut], { stdio: ['ignore', 'ignore', 'inherit'] });
  process.stderr.write(
    `${outName}: ${Object.keys(pruned.paths).length} paths, ${Object.keys(pruned.components.schemas ?? {}).length} schemas\n`,
  );
}

// v2 keeps `/wiki/api/v2` in `servers`; it is put on the paths, as the requests spell them.
vendor('confluence-v2.openapi.json', v2Ops, 'confluence-v2.subset.json', 'confluence-v2.ts', '/wiki/api/v2');
vendor('confluence-v1.openapi.json', v1Ops, 'confluence-v1.subset.json', 'confluence-v1.ts');
