#!/usr/bin/env node
// Vendors the subset of Atlassian's Jira OpenAPI specs this plugin calls, then generates types.
// Usage: node plugins/jira/scripts/prune-spec.mjs [specsDir]   (default: ../shared/specs)
// Only operations listed below are kept, with the component schemas they reference
// (transitively); examples and prose are dropped to keep the vendored file small.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
const pluginDir = resolve(here, '..');
const specsDir = resolve(process.argv[2] ?? join(pluginDir, '../../../shared/specs'));

const platformOps = {
  '/rest/api/3/search/jql': ['get'],
  '/rest/api/3/search/approximate-count': ['post'],
  '/rest/api/3/issue': ['post'],
  '/rest/api/3/issue/bulk': ['post'],
  '/rest/api/3/issue/{issueIdOrKey}': ['get', 'put', 'delete'],
  '/rest/api/3/issue/{issueIdOrKey}/assignee': ['put'],
  '/rest/api/3/issue/{issueIdOrKey}/transitions': ['get', 'post'],
  '/rest/api/3/issue/{issueIdOrKey}/editmeta': ['get'],
  '/rest/api/3/issue/{issueIdOrKey}/comment': ['get', 'post'],
  '/rest/api/3/issue/{issueIdOrKey}/comment/{id}': ['get', 'put', 'delete'],
  '/rest/api/3/issue/{issueIdOrKey}/worklog': ['get', 'post'],
  '/rest/api/3/issue/{issueIdOrKey}/worklog/{id}': ['delete'],
  '/rest/api/3/issue/{issueIdOrKey}/watchers': ['get', 'post', 'delete'],
  '/rest/api/3/issue/{issueIdOrKey}/changelog': ['get'],
  '/rest/api/3/issue/{issueIdOrKey}/remotelink': ['get', 'post'],
  '/rest/api/3/issue/{issueIdOrKey}/attachments': ['post'],
  '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes': ['get'],
  '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}': ['get'],
  '/rest/api/3/issueLink': ['post'],
  '/rest/api/3/issueLink/{linkId}': ['get', 'delete'],
  '/rest/api/3/issueLinkType': ['get'],
  '/rest/api/3/attachment/{id}': ['get', 'delete'],
  '/rest/api/3/attachment/content/{id}': ['get'],
  '/rest/api/3/myself': ['get'],
  '/rest/api/3/user/search': ['get'],
  '/rest/api/3/user/assignable/search': ['get'],
  '/rest/api/3/project/search': ['get'],
  '/rest/api/3/project/{projectIdOrKey}': ['get'],
  '/rest/api/3/project/{projectIdOrKey}/components': ['get'],
  '/rest/api/3/project/{projectIdOrKey}/versions': ['get'],
  '/rest/api/3/version': ['post'],
  '/rest/api/3/version/{id}': ['put'],
  '/rest/api/3/component': ['post'],
  '/rest/api/3/field': ['get'],
  '/rest/api/3/field/search': ['get'],
};

const agileOps = {
  '/rest/agile/1.0/board': ['get'],
  '/rest/agile/1.0/board/{boardId}/sprint': ['get'],
  '/rest/agile/1.0/board/{boardId}/issue': ['get'],
  '/rest/agile/1.0/board/{boardId}/backlog': ['get'],
  '/rest/agile/1.0/board/{boardId}/epic': ['get'],
  '/rest/agile/1.0/sprint': ['post'],
  '/rest/agile/1.0/sprint/{sprintId}': ['get', 'post'],
  '/rest/agile/1.0/sprint/{sprintId}/issue': ['get', 'post'],
  '/rest/agile/1.0/backlog/issue': ['post'],
  '/rest/agile/1.0/epic/{epicIdOrKey}/issue': ['get'],
  '/rest/agile/1.0/issue/rank': ['put'],
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

function prune(spec, ops) {
  const paths = {};
  for (const [path, methods] of Object.entries(ops)) {
    const item = spec.paths[path];
    if (!item) throw new Error(`path not in spec: ${path}`);
    paths[path] = {};
    if (item.parameters) paths[path].parameters = item.parameters;
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
      paths[path][m] = {
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

function vendor(file, ops, outName, typesName) {
  const spec = JSON.parse(readFileSync(join(specsDir, file), 'utf8'));
  const pruned = prune(spec, ops);
  const specOut = join(pluginDir, 'spec', outName);
  writeFileSync(specOut, JSON.stringify(pruned, null, 1) + '\n');
  const typesOut = join(pluginDir, 'src/generated', typesName);
  const bin = resolve(pluginDir, '../../node_modules/.bin/openapi-typescript');
  execFileSync(bin, [specOut, '-o', typesOut], { stdio: ['ignore', 'ignore', 'inherit'] });
  process.stderr.write(
    `${outName}: ${Object.keys(pruned.paths).length} paths, ${Object.keys(pruned.components.schemas ?? {}).length} schemas\n`,
  );
}

vendor('jira-platform-v3.openapi.json', platformOps, 'jira-platform.subset.json', 'jira-platform.ts');
vendor('jira-software-agile.openapi.json', agileOps, 'jira-agile.subset.json', 'jira-agile.ts');
