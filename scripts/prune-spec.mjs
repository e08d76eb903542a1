// Vendors the subset of an Atlassian OpenAPI spec a plugin calls, then generates its types with
// openapi-typescript. Each plugin's scripts/prune-spec.mjs lists its operations and calls
// `vendorSpec`. Only the listed operations are kept, with the component schemas they reference
// (transitively); examples and prose are dropped to keep the vendored file small.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

const DROP_KEYS = [
  'example',
  'examples',
  'description',
  'x-atlassian-connect-scope',
  'x-experimental',
  'externalDocs',
  'x-atlassian-data-security-policy',
];

/** The specs directory: the first command-line argument, else `shared/specs` beside the checkout. */
export function specsDirFrom(argv, pluginDir) {
  return resolve(argv[2] ?? join(pluginDir, '../../../shared/specs'));
}

// Inside a `properties` map the keys are field names (a field may be called "description").
function strip(node, drop, isPropertyMap = false) {
  if (Array.isArray(node)) return node.map((n) => strip(n, drop));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node))
    if (isPropertyMap || !drop.has(k)) out[k] = strip(v, drop, !isPropertyMap && k === 'properties');
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

/**
 * The spec cut down to `ops` (path → methods) and the components they reach. `prefix` is put in
 * front of every path (for a spec whose `servers` carry part of it); `keepExperimental` keeps the
 * `x-experimental` marks that are dropped otherwise.
 */
export function pruneSpec(spec, ops, { prefix = '', keepExperimental = false } = {}) {
  const paths = {};
  for (const [path, methods] of Object.entries(ops)) {
    const item = spec.paths[path];
    if (!item) throw new Error(`path not in spec: ${path}`);
    const out = (paths[prefix + path] = {});
    if (item.parameters) out.parameters = item.parameters;
    for (const m of methods) {
      if (!item[m]) throw new Error(`operation not in spec: ${m.toUpperCase()} ${path}`);
      const { operationId, parameters, requestBody, responses, security } = item[m];
      out[m] = {
        operationId,
        parameters,
        requestBody,
        responses,
        security,
        'x-atlassian-oauth2-scopes': item[m]['x-atlassian-oauth2-scopes'],
        ...(keepExperimental ? { 'x-experimental': item[m]['x-experimental'] } : {}),
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
  const drop = new Set(DROP_KEYS.filter((k) => !(keepExperimental && k === 'x-experimental')));
  return strip({ openapi: spec.openapi, info: spec.info, servers: spec.servers, paths, components }, drop);
}

/**
 * Writes `<pluginDir>/spec/<outName>` (the pruned spec) and `<pluginDir>/src/generated/<typesName>`.
 * `forTypes` adjusts a copy of the pruned spec before types are generated from it (the vendored
 * file stays as Atlassian wrote it).
 */
export function vendorSpec({ specsDir, pluginDir, file, ops, outName, typesName, forTypes, ...options }) {
  const spec = JSON.parse(readFileSync(join(specsDir, file), 'utf8'));
  const pruned = pruneSpec(spec, ops, options);
  const specOut = join(pluginDir, 'spec', outName);
  writeFileSync(specOut, JSON.stringify(pruned, null, 1) + '\n');
  const typesOut = join(pluginDir, 'src/generated', typesName);
  const bin = resolve(pluginDir, '../../node_modules/.bin/openapi-typescript');
  const generate = (input) => execFileSync(bin, [input, '-o', typesOut], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (forTypes) {
    const tmp = mkdtempSync(join(tmpdir(), 'spec-'));
    try {
      const typesIn = join(tmp, outName);
      writeFileSync(typesIn, JSON.stringify(forTypes(structuredClone(pruned))));
      generate(typesIn);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  } else generate(specOut);
  process.stderr.write(
    `${outName}: ${Object.keys(pruned.paths).length} paths, ${Object.keys(pruned.components.schemas ?? {}).length} schemas\n`,
  );
}
