import * as z from 'zod';

// Output schemas are paid for in every tools/list, so they type only what identifies a result;
// the full shape is the TypeScript type of the views and the text block says the rest.

/** A result about one request. */
export const requestOut = z.looseObject({ key: z.string() });
/** A result about one thing with an id. */
export const itemOut = z.looseObject({ id: z.string() });
/** Any result (the text block carries it). */
export const anyOut = z.looseObject({});

type List<N extends string> = z.ZodObject<{ [K in N]: z.ZodArray<z.ZodUnknown> }, z.core.$loose>;

/** A list under `name` (a `nextCursor` is added when there are more). */
export function listOut<N extends string>(name: N): List<N> {
  return z.looseObject({ [name]: z.array(z.unknown()) }) as unknown as List<N>;
}
