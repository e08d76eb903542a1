import * as z from 'zod';

// Output schemas are paid for in every tools/list, so they type only what identifies a result;
// the full shape is the TypeScript type of the views (views.ts) and the text block says the rest.

/** A result about one page, blog post, comment, attachment or space. */
export const itemOut = z.looseObject({ id: z.string() });

type Page<N extends string> = z.ZodObject<
  { [K in N]: z.ZodArray<z.ZodUnknown> } & { nextCursor: z.ZodOptional<z.ZodString> },
  z.core.$loose
>;

/** A page of results under `name`, with the cursor for the next page. */
export function pageOut<N extends string>(name: N): Page<N> {
  return z.looseObject({ [name]: z.array(z.unknown()), nextCursor: z.string().optional() }) as unknown as Page<N>;
}
