import fc from 'fast-check';
import { sampleArgs, sampleValue, type JsonSchema } from './schema-args.js';

/** Strings an attacker (or a prompt-injected model) would try in any argument. */
export const HOSTILE_STRINGS = [
  '',
  '.',
  '..',
  '%2e%2e',
  '%2E.',
  '../..',
  'x/../../..',
  '..\\..',
  '/',
  '//',
  '?',
  '#',
  '&',
  '?expand=all#x',
  '\ud800',
  'a\udc00b',
  '\u0000',
  '\u202e',
  '<!-- x -->',
  '${jndi:x}',
  '"; DROP TABLE x; --',
];

/** A 1 MB string (the shapes a path or a body might choke on). */
const HUGE = ['x', '../', '\ud800'].map((unit) => unit.repeat(Math.ceil((1 << 20) / unit.length)));

/** An object nested `depth` levels deep. */
function deep(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

const hostileString = (sample: unknown): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.constant(typeof sample === 'string' ? sample : 'PROJ-1'))
        .map(([h, s]) => `${s}${h}`),
    },
    { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
    ...(typeof sample === 'string' ? [{ weight: 2, arbitrary: fc.constant(sample) }] : []),
  );

function types(s: JsonSchema): string[] {
  if (Array.isArray(s.type)) return s.type;
  if (s.type) return [s.type];
  const alt = s.anyOf ?? s.oneOf;
  return alt ? alt.flatMap(types) : ['string'];
}

/** Arbitrary values for one schema: mostly hostile, sometimes valid, sometimes of the wrong type. */
export function hostileValue(
  name: string,
  schema: JsonSchema,
  samples: Record<string, unknown>,
): fc.Arbitrary<unknown> {
  const sample = samples[name];
  const wrongType = fc.oneof(fc.constant(null), fc.integer(), fc.constant([]), fc.constant({}), fc.constant(deep(200)));
  const kinds: Array<fc.Arbitrary<unknown>> = [];
  if (schema.enum) kinds.push(fc.constantFrom(...schema.enum, 'not-one-of-them'));
  for (const t of types(schema)) {
    if (t === 'string' && !schema.enum) kinds.push(hostileString(sample));
    if (t === 'integer' || t === 'number')
      kinds.push(
        fc.oneof(
          fc.constantFrom(-1, 0, 2 ** 53, Number.MAX_VALUE, 1.5),
          fc.integer(),
          ...(sample !== undefined ? [fc.constant(sample)] : []),
        ),
      );
    if (t === 'boolean') kinds.push(fc.boolean());
    if (t === 'null') kinds.push(fc.constant(null));
    if (t === 'array') {
      const item = hostileValue(name, schema.items ?? {}, samples);
      kinds.push(
        fc.oneof(
          { weight: 4, arbitrary: fc.array(item, { maxLength: 3 }) },
          { weight: 1, arbitrary: fc.array(fc.constantFrom(...HOSTILE_STRINGS), { minLength: 500, maxLength: 500 }) },
        ),
      );
    }
    if (t === 'object') kinds.push(schema.properties ? hostileArgs(schema, samples) : freeObject());
  }
  return fc.oneof({ weight: 8, arbitrary: fc.oneof(...kinds) }, { weight: 1, arbitrary: wrongType });
}

/** Free-form objects (`fields`): hostile keys and values, and very deep nesting. */
function freeObject(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.dictionary(fc.constantFrom(...HOSTILE_STRINGS, 'Summary', 'project', '__proto__'), fc.jsonValue(), {
      maxKeys: 4,
    }),
    fc.constant({ x: deep(500) }),
    fc.constant(Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`f${i}`, i]))),
  );
}

/**
 * Arguments for a tool. Mostly valid arguments with one property made hostile (so the hostile
 * value gets past validation of the others and reaches the handler and the HTTP layer), sometimes
 * every property hostile at once.
 */
export function hostileArgs(
  schema: JsonSchema,
  samples: Record<string, unknown>,
): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const names = Object.keys(props);
  const required = new Set(schema.required ?? []);
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, prop] of Object.entries(props)) shape[name] = hostileValue(name, prop, samples);
  const allHostile = fc.record(shape, { requiredKeys: names.filter((k) => required.has(k)) });
  if (names.length === 0) return allHostile;
  const base = sampleArgs(schema, samples);
  const oneHostile = fc.constantFrom(...names).chain((name) =>
    fc.tuple(shape[name]!, fc.subarray(names.filter((n) => !required.has(n) && n !== name))).map(([bad, extra]) => ({
      ...base,
      ...Object.fromEntries(extra.map((n) => [n, sampleValue(n, props[n]!, samples)])),
      [name]: bad,
    })),
  );
  return fc.oneof({ weight: 3, arbitrary: oneHostile }, { weight: 1, arbitrary: allHostile });
}
