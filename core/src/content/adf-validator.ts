import type { ValidateFunction, ErrorObject } from 'ajv';
import { InputError } from '../plugin-api/errors.js';
import type { AdfDoc } from './adf-types.js';

// The schema (vendored from @atlaskit/adf-schema json-schema/v1/full.json, draft-04) and ajv are
// loaded on the first validation: a server that never writes rich text never pays for them.
// `require` (not import) so tsc copies the JSON and nothing loads at start-up.
function compileAdfSchema(): ValidateFunction {
  const Ajv = (require('ajv-draft-04') as typeof import('ajv-draft-04')).default;
  const adfSchema = require('./adf-schema-v1-full.json') as object;
  return new Ajv({ allErrors: false, strict: false }).compile(adfSchema);
}

/**
 * Guards every ADF document before it is sent: Atlassian's own JSON Schema, compiled once and
 * lazily (compiling costs ~200 ms). Failures name the deepest failing JSON path only — ajv's
 * `anyOf` errors run to hundreds per defect and would drown the model.
 */
export class AdfValidator {
  private validate?: ValidateFunction;

  /** Throws `InputError` naming the deepest failing path when `doc` is not valid ADF. */
  assertValid(doc: unknown): asserts doc is AdfDoc {
    const errors = this.check(doc);
    if (errors === undefined) return;
    const deepest = deepestError(errors);
    const path = deepest.instancePath === '' ? '/' : deepest.instancePath;
    const at = describeNodeAt(doc, deepest.instancePath);
    const detail =
      deepest.keyword === 'additionalProperties'
        ? ` ("${String((deepest.params as { additionalProperty?: string }).additionalProperty)}")`
        : '';
    throw new InputError(`Invalid ADF at ${path}${at}: ${deepest.message ?? 'schema violation'}${detail}.`, {
      hint: 'Fix that node (see the Atlassian Document Format schema) or send Markdown instead.',
      fieldErrors: { [path]: deepest.message ?? 'schema violation' },
    });
  }

  /** True when `doc` validates. */
  isValid(doc: unknown): boolean {
    return this.check(doc) === undefined;
  }

  private check(doc: unknown): ErrorObject[] | undefined {
    this.validate ??= compileAdfSchema();
    return this.validate(doc) ? undefined : (this.validate.errors ?? []);
  }
}

function deepestError(all: ErrorObject[]): ErrorObject {
  // `type must be one of …` comes from the anyOf branches for *other* node types: noise, unless
  // it is all there is (an unknown node type).
  const relevant = all.filter((e) => !(e.keyword === 'enum' && e.instancePath.endsWith('/type')));
  const errors = relevant.length > 0 ? relevant : all;
  let best = errors[0]!;
  for (const error of errors) {
    if (error.instancePath.split('/').length > best.instancePath.split('/').length) best = error;
  }
  return best;
}

/** ` (a "status" node)` — the node type at a JSON pointer, when there is one. */
function describeNodeAt(doc: unknown, pointer: string): string {
  let value: unknown = doc;
  let type: string | undefined;
  for (const part of pointer.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') break;
    const t = (value as { type?: unknown }).type;
    if (typeof t === 'string') type = t;
    value = (value as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
    type = (value as { type: string }).type;
  }
  return type === undefined ? '' : ` (in a "${type}" node)`;
}
