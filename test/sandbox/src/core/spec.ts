// The vendored OpenAPI documents, loaded once per process: operations (method, path,
// parameters, body schema, OAuth scopes) and Ajv validators compiled on first use and cached.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { specsDir } from '../paths.js';

export interface ParamDef {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  isArray: boolean;
  schemaType?: string;
  /** The schema's default (JSM marks some defaulted query parameters required; the default stands in). */
  default?: unknown;
}

export interface OperationDef {
  /** Spec id, e.g. `jira-platform-v3`. */
  api: string;
  operationId: string;
  method: string;
  template: string;
  params: ParamDef[];
  hasBody: boolean;
  bodyRequired: boolean;
  bodyTypes: string[];
  /** Each alternative is a set of scopes that together suffice. Empty: no OAuth scope needed. */
  scopeAlternatives: string[][];
  deprecated: boolean;
  /** JSON pointer (inside the spec) of this operation, for response validation. */
  pointer: string;
}

export interface LoadedSpec {
  id: string;
  doc: Record<string, any>;
  operations: OperationDef[];
  /** Every operation of the full upstream spec (method, path, operationId). */
  allOperations: Array<[string, string, string]>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Jira writes `2021-01-17T12:34:00.000+0000`; RFC 3339 wants `+00:00`. Accept both. */
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/i;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    strict: false,
    validateSchema: false,
    allErrors: true,
    logger: false,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: coerce,
  });
  addFormats(ajv);
  ajv.addFormat('date-time', DATE_TIME);
  return ajv;
}

const specs = new Map<string, LoadedSpec>();
let bodyAjv: Ajv | undefined;
let paramAjv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

export function pointerEscape(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function loadSpec(id: string): LoadedSpec {
  const cached = specs.get(id);
  if (cached) return cached;
  const doc = JSON.parse(readFileSync(join(specsDir, `${id}.json`), 'utf8')) as Record<string, any>;
  const allOperations = JSON.parse(readFileSync(join(specsDir, `${id}.ops.json`), 'utf8')) as Array<
    [string, string, string]
  >;
  const operations: OperationDef[] = [];
  for (const [template, item] of Object.entries<any>(doc.paths)) {
    for (const m of METHODS) {
      const op = item[m];
      if (!op) continue;
      const params: ParamDef[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: any) => ({
        name: p.name,
        in: p.in,
        required: !!p.required,
        isArray: p.schema?.type === 'array',
        schemaType: p.schema?.type,
        default: p.schema?.default,
      }));
      const content = op.requestBody?.content ?? {};
      const x = op['x-atlassian-oauth2-scopes'] as Array<{ scopes: string[] }> | undefined;
      let scopeAlternatives: string[][] = [];
      if (x?.length) scopeAlternatives = x.map((e) => e.scopes);
      else {
        for (const sec of op.security ?? []) if (sec.OAuth2?.length) scopeAlternatives.push(sec.OAuth2);
      }
      operations.push({
        api: id,
        operationId: op.operationId,
        method: m.toUpperCase(),
        template,
        params,
        hasBody: !!op.requestBody,
        bodyRequired: !!op.requestBody?.required,
        bodyTypes: Object.keys(content),
        scopeAlternatives,
        deprecated: !!op.deprecated,
        pointer: `#/paths/${pointerEscape(template)}/${m}`,
      });
    }
  }
  const loaded: LoadedSpec = { id, doc, operations, allOperations };
  specs.set(id, loaded);
  bodyAjv ??= makeAjv(false);
  paramAjv ??= makeAjv(true);
  bodyAjv.addSchema(doc, id);
  paramAjv.addSchema(doc, id);
  return loaded;
}

/** Validator of the JSON request body, or undefined when the operation takes no JSON body. */
export function bodyValidator(op: OperationDef): ValidateFunction | undefined {
  const jsonType = op.bodyTypes.find((t) => t.includes('json'));
  if (!jsonType) return undefined;
  const key = `body ${op.api}${op.pointer}`;
  let v = validators.get(key);
  if (!v) {
    v = bodyAjv!.compile({ $ref: `${op.api}${op.pointer}/requestBody/content/${pointerEscape(jsonType)}/schema` });
    validators.set(key, v);
  }
  return v;
}

/** Validator (coercing, filling defaults) of the query and path parameters as one object. */
export function paramValidator(op: OperationDef): ValidateFunction {
  const key = `params ${op.api}${op.pointer}`;
  let v = validators.get(key);
  if (!v) {
    const spec = specs.get(op.api)!;
    const [, , rawPath, method] = op.pointer.split('/');
    const template = rawPath!.replace(/~1/g, '/').replace(/~0/g, '~');
    const pathItem = spec.doc.paths[template];
    const all: Array<{ p: any; ptr: string }> = [
      ...(pathItem.parameters ?? []).map((p: any, i: number) => ({
        p,
        ptr: `#/paths/${rawPath}/parameters/${i}/schema`,
      })),
      ...(pathItem[method!].parameters ?? []).map((p: any, i: number) => ({
        p,
        ptr: `${op.pointer}/parameters/${i}/schema`,
      })),
    ];
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    for (const { p, ptr } of all) {
      if (p.in !== 'query' && p.in !== 'path') continue;
      if (!p.schema) continue;
      properties[p.name] = { $ref: `${op.api}${ptr}` };
      if (p.required) required.push(p.name);
    }
    v = paramAjv!.compile({ type: 'object', properties, required });
    validators.set(key, v);
  }
  return v;
}

/** Validator of a response body, for the sandbox's own contract tests. */
export function responseValidator(api: string, operationId: string, status: number): ValidateFunction | undefined {
  const spec = loadSpec(api);
  const op = spec.operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`${api}: no operation ${operationId}`);
  const [, , rawPath, method] = op.pointer.split('/');
  const template = rawPath!.replace(/~1/g, '/').replace(/~0/g, '~');
  const responses = spec.doc.paths[template][method!].responses ?? {};
  const r = responses[String(status)] ?? responses.default;
  const content = r?.content ?? {};
  const jsonType = Object.keys(content).find((t) => t.includes('json'));
  if (!jsonType || !content[jsonType].schema) return undefined;
  const key = `response ${api}${op.pointer} ${status}`;
  let v = validators.get(key);
  if (!v) {
    const code = responses[String(status)] ? String(status) : 'default';
    v = bodyAjv!.compile({ $ref: `${api}${op.pointer}/responses/${code}/content/${pointerEscape(jsonType)}/schema` });
    validators.set(key, v);
  }
  return v;
}

/** Ajv errors → Jira's `errors` map (field → message). */
export function errorsToMap(errors: ErrorObject[] | null | undefined, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) {
    let field = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (e.keyword === 'required')
      field = field ? `${field}.${e.params.missingProperty}` : String(e.params.missingProperty);
    if (e.keyword === 'additionalProperties')
      field = field ? `${field}.${e.params.additionalProperty}` : String(e.params.additionalProperty);
    const key = prefix + (field || 'request');
    if (!(key in out)) out[key] = e.message ?? 'is invalid';
  }
  return out;
}
