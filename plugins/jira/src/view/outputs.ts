import * as z from 'zod';

// Output schemas are paid for in every tools/list, so they type only what identifies a result;
// the full shape is the TypeScript type of the views (schemas.ts) and the text block says the rest.

/** A result about one issue. */
export const issueOut = z.looseObject({ key: z.string() });
/** A result about one comment or worklog. */
export const itemOut = z.looseObject({ id: z.string() });
/** A page of results under `name`, with the cursor for the next page. */
export function pageOut<N extends string>(name: N) {
  return z.looseObject({ [name]: z.array(z.looseObject({})), nextCursor: z.string().optional() } as { [K in N]: z.ZodArray<z.ZodObject<{}, z.core.$loose>> } & { nextCursor: z.ZodOptional<z.ZodString> });
}
