import type { Tool } from '@modelcontextprotocol/server';
import type { ToolMetadata } from '../plugin-api/decorators.js';

// The JSON Schema dialect MCP tool schemas use (the SDK converts to the same target).
const TARGET = 'draft-2020-12';

type JsonSchemaConverter = {
  '~standard': { jsonSchema: Record<'input' | 'output', (o: { target: string }) => Record<string, unknown>> };
};

/**
 * A tool as `tools/list` shows it, built from its metadata through the public Standard JSON
 * Schema interface of its zod schemas — the same conversion the SDK makes, without its internals.
 */
export function listedTool(meta: ToolMetadata): Tool {
  return {
    name: meta.name,
    title: meta.title,
    description: meta.description,
    inputSchema: objectSchema(meta.input, 'input') as Tool['inputSchema'],
    outputSchema: objectSchema(meta.output, 'output') as Tool['outputSchema'],
    annotations: annotationsFor(meta),
  };
}

function objectSchema(schema: unknown, io: 'input' | 'output'): Record<string, unknown> {
  const json = (schema as JsonSchemaConverter)['~standard'].jsonSchema[io]({ target: TARGET });
  return stripNoise({ type: 'object', ...json });
}

/**
 * Annotations that say something: `readOnlyHint` always; for writes, `destructiveHint` (the spec's
 * default is true) and `idempotentHint` when true. `openWorldHint` is the default (true) for every
 * Atlassian tool, so it is left out.
 */
export function annotationsFor(meta: ToolMetadata): Record<string, boolean> {
  if (meta.readOnly) return { readOnlyHint: true };
  return {
    readOnlyHint: false,
    destructiveHint: meta.destructive === true,
    ...(meta.idempotent ? { idempotentHint: true } : {}),
  };
}

/**
 * Every tools/list byte is paid on every model request: drop what carries no information —
 * `$schema` (the spec's default dialect), the safe-integer bounds zod writes on every `.int()`, and
 * empty `additionalProperties`.
 */
function stripNoise<V>(value: V, top = true): V {
  if (Array.isArray(value)) return value.map((v) => stripNoise(v, false)) as V;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (top && k === '$schema') continue;
    if (k === 'minimum' && v === Number.MIN_SAFE_INTEGER) continue;
    if (k === 'maximum' && v === Number.MAX_SAFE_INTEGER) continue;
    // `additionalProperties: {}` allows anything, which is JSON Schema's default anyway.
    if (k === 'additionalProperties' && typeof v === 'object' && v !== null && Object.keys(v).length === 0) continue;
    out[k] = stripNoise(v, false);
  }
  return out as V;
}
