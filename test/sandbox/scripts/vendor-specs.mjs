#!/usr/bin/env node
// Vendors the official Atlassian OpenAPI specs into test/sandbox/specs/, pruned to the
// operations the sandbox simulates (specs/operations.json) and sanitized once:
//   - `$ref` siblings are dropped (JSON Schema ignores them; they break strict validators),
//   - regex `pattern`s that are Java-only (e.g. `\p{Digit}`) are rewritten or dropped,
//   - narratives, tags and unreferenced components are left out,
//   - `$ref`s to components/requestBodies and components/parameters are inlined in the paths
//     (the sandbox addresses bodies and parameters by JSON pointer under the operation),
//   - a `pathPrefix` (Confluence v2's `/wiki/api/v2`, which its spec keeps in `servers`) is
//     prepended to every path so one router serves every product.
// It also writes `<name>.ops.json`, the index of every operation of the full spec, so the
// sandbox can answer a real-but-unsimulated operation with 501 instead of 404.
//
//   node test/sandbox/scripts/vendor-specs.mjs [--from ../shared/specs]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const specsDir = resolve(here, '..', 'specs');
const argFrom = process.argv.indexOf('--from');
const from =
  argFrom > 0 ? resolve(process.argv[argFrom + 1]) : resolve(here, '..', '..', '..', '..', 'shared', 'specs');
const manifest = JSON.parse(readFileSync(join(specsDir, 'operations.json'), 'utf8'));
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function fixPattern(p) {
  const candidates = [
    p,
    p
      .replace(/\\p\{Digit\}/g, '\\d')
      .replace(/\\p\{Alpha\}/g, '\\p{L}')
      .replace(/\\p\{Alnum\}/g, '[\\p{L}\\d]'),
  ];
  for (const c of candidates) {
    try {
      new RegExp(c, 'u');
      return c;
    } catch {
      /* try the next */
    }
  }
  return undefined;
}

function sanitize(node, stats) {
  if (Array.isArray(node)) return node.map((n) => sanitize(n, stats));
  if (!node || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    if (Object.keys(node).length > 1) stats.refSiblings++;
    return { $ref: node.$ref };
  }
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'pattern' && typeof v === 'string') {
      const fixed = fixPattern(v);
      if (fixed !== v) stats.patterns.push(`${v} -> ${fixed ?? '(dropped)'}`);
      if (fixed !== undefined) out[k] = fixed;
      continue;
    }
    out[k] = sanitize(v, stats);
  }
  return out;
}

function collectRefs(node, acc) {
  if (Array.isArray(node)) {
    for (const n of node) collectRefs(n, acc);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') acc.add(v);
      else collectRefs(v, acc);
    }
  }
}

function resolvePointer(doc, ref) {
  const parts = ref
    .replace(/^#\//, '')
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let cur = doc;
  for (const p of parts) cur = cur?.[p];
  return cur;
}

// Known defects of the upstream specs, fixed after pruning. Each entry: spec → list of
// [JSON pointer inside the pruned doc, replacement, why].
const PATCHES = {
  'jira-platform-v3': [
    [
      '/paths/~1rest~1api~13~1issue~1{issueIdOrKey}~1assignee/put/requestBody/content/application~1json/schema',
      {
        type: 'object',
        properties: { accountId: { type: 'string', maxLength: 128, nullable: true } },
        additionalProperties: true,
      },
      'the documented way to unassign is {"accountId": null}, but the body schema (User) says accountId is a non-null string',
    ],
  ],
};

function setPointer(doc, pointer, value) {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let cur = doc;
  for (const p of parts.slice(0, -1)) {
    if (!(p in cur)) throw new Error(`patch: ${pointer} not found at ${p}`);
    cur = cur[p];
  }
  cur[parts[parts.length - 1]] = value;
}

/** An operation with its `requestBody` and `parameters` component refs replaced by their targets. */
function inlineComponentRefs(spec, op) {
  const deref = (node, section) => {
    const ref = node?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith(`#/components/${section}/`)) return node;
    const target = resolvePointer(spec, ref);
    if (target === undefined) throw new Error(`dangling ${ref}`);
    return target;
  };
  const out = { ...op };
  if (op.requestBody) out.requestBody = deref(op.requestBody, 'requestBodies');
  if (op.parameters) out.parameters = op.parameters.map((p) => deref(p, 'parameters'));
  return out;
}

for (const [name, { source, operations, pathPrefix = '' }] of Object.entries(manifest)) {
  const spec = JSON.parse(readFileSync(join(from, source), 'utf8'));
  const wanted = new Set(operations);
  // An operationId can name several operations (JSM's `getArticles`, `getOrganizations`…): keep them all.
  const found = new Set();
  const index = [];
  const paths = {};
  for (const [rawPath, item] of Object.entries(spec.paths)) {
    const p = pathPrefix + rawPath;
    for (const m of METHODS) {
      const op = item[m];
      if (!op?.operationId) continue;
      index.push([m.toUpperCase(), p, op.operationId]);
      if (!wanted.has(op.operationId)) continue;
      found.add(op.operationId);
      paths[p] ??= {};
      if (item.parameters) paths[p].parameters = item.parameters;
      paths[p][m] = inlineComponentRefs(spec, op);
    }
  }
  const missing = operations.filter((o) => !found.has(o));
  if (missing.length) throw new Error(`${name}: operations not in the spec: ${missing.join(', ')}`);

  // Transitive closure of referenced components.
  const keep = new Set();
  const queue = [];
  const seed = new Set();
  collectRefs(paths, seed);
  queue.push(...seed);
  while (queue.length) {
    const ref = queue.pop();
    if (keep.has(ref) || !ref.startsWith('#/')) continue;
    keep.add(ref);
    const target = resolvePointer(spec, ref);
    if (target === undefined) throw new Error(`${name}: dangling ${ref}`);
    const more = new Set();
    collectRefs(target, more);
    queue.push(...more);
  }
  const components = {};
  for (const ref of keep) {
    const [, , section, key] = ref.split('/');
    components[section] ??= {};
    components[section][key] = spec.components[section][key];
  }
  components.securitySchemes = spec.components.securitySchemes;

  const stats = { refSiblings: 0, patterns: [] };
  const out = sanitize(
    {
      openapi: spec.openapi,
      info: {
        ...spec.info,
        description: `Pruned by test/sandbox/scripts/vendor-specs.mjs from ${source} to the ${operations.length} operations the sandbox simulates.`,
      },
      servers: pathPrefix ? [{ url: 'https://{your-domain}' }] : spec.servers,
      paths,
      components,
    },
    stats,
  );
  for (const [pointer, value] of PATCHES[name] ?? []) setPointer(out, pointer, value);
  // The agile spec types several query parameters as property-less objects (`state`,
  // `fields`): on the wire they are comma-separated strings.
  let paramFixes = 0;
  const emptyObject = (sc) => sc && sc.type === 'object' && !sc.properties;
  for (const item of Object.values(out.paths)) {
    for (const op of Object.values(item)) {
      for (const prm of op?.parameters ?? []) {
        if (prm.in !== 'query' || !prm.schema) continue;
        if (emptyObject(prm.schema)) {
          prm.schema = { type: 'string' };
          paramFixes++;
        } else if (prm.schema.type === 'array' && emptyObject(prm.schema.items)) {
          prm.schema = { ...prm.schema, items: { type: 'string' } };
          paramFixes++;
        }
      }
    }
  }
  if (paramFixes) console.log(`${name}: ${paramFixes} object-typed query parameters retyped as strings`);
  // Confluence v2 bodies are `oneOf: [XBodyWrite, XNestedBodyWrite]`, but neither member has
  // required properties, so every body matches both and `oneOf` rejects all of them: `anyOf`.
  let bodyFixes = 0;
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node.oneOf) && node.oneOf.length && node.oneOf.every((x) => /BodyWrite$/.test(x.$ref ?? ''))) {
      node.anyOf = node.oneOf;
      delete node.oneOf;
      bodyFixes++;
    }
    Object.values(node).forEach(walk);
  };
  walk(out);
  if (bodyFixes) console.log(`${name}: ${bodyFixes} body oneOf (flat or nested representation) relaxed to anyOf`);
  writeFileSync(join(specsDir, `${name}.json`), JSON.stringify(out));
  writeFileSync(join(specsDir, `${name}.ops.json`), JSON.stringify(index));
  console.log(
    `${name}: ${operations.length} ops, ${keep.size} components, ${stats.refSiblings} $ref siblings stripped, patterns: ${stats.patterns.length ? stats.patterns.join('; ') : 'none changed'}`,
  );
}
