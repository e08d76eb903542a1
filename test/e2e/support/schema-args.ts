/** The JSON Schema subset MCP tool input schemas use. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
}

function typesOf(s: JsonSchema): string[] {
  if (s.enum) return ['enum'];
  if (Array.isArray(s.type)) return s.type.filter((t) => t !== 'null');
  if (s.type) return [s.type];
  const alt = s.anyOf ?? s.oneOf;
  return alt ? alt.flatMap(typesOf) : ['string'];
}

/** A plain value valid for `schema` (samples by property name win). */
export function sampleValue(name: string, schema: JsonSchema, samples: Record<string, unknown>): unknown {
  if (name in samples) return samples[name];
  const alt = (schema.anyOf ?? schema.oneOf)?.find((s) => s.type !== 'null');
  if (alt) return sampleValue(name, alt, samples);
  if (schema.enum) return schema.enum[0];
  switch (typesOf(schema)[0]) {
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'array':
      return [sampleValue(name, schema.items ?? {}, samples)];
    case 'object':
      return sampleArgs(schema, samples);
    default:
      return schema.format === 'uri' ? 'https://example.com/x' : 'sample';
  }
}

/** Required properties (plus `include`) filled with sample values. */
export function sampleArgs(
  schema: JsonSchema,
  samples: Record<string, unknown>,
  include: string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const props = schema.properties ?? {};
  for (const name of new Set([...(schema.required ?? []), ...include])) {
    if (props[name]) out[name] = sampleValue(name, props[name], samples);
  }
  return out;
}

/** Top-level properties that take a string, or an array of strings. */
export function stringProperties(schema: JsonSchema): Array<{ name: string; array: boolean }> {
  const out: Array<{ name: string; array: boolean }> = [];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const types = typesOf(prop);
    if (types.includes('string') && !prop.enum) out.push({ name, array: false });
    else if (types.includes('array') && prop.items && typesOf(prop.items).includes('string') && !prop.items.enum)
      out.push({ name, array: true });
  }
  return out;
}
