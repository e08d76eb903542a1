import * as z from 'zod';
import { InputError } from '@atlassian-mcp/core';

// Shapes of the arguments that name something in a URL path: a value of another shape (`..`,
// `/`, `%2e%2e`, a lone surrogate) is an input error before any request (issue 11). Core's
// `apiPath` checks again when the path is built.

/** A numeric content id (pages, blog posts, comments, folders). */
export const contentId = z.string().regex(/^\d+$/, 'Expected a numeric id like 98306');

/**
 * A page: its id, or any Confluence URL of it (page, edit, viewpage.action, tiny /x/ link,
 * display/SPACE/Title). Checked by the page locator (no pattern here: it would be paid in every
 * tools/list), before any request.
 */
export const pageRef = z.string();

/** A space key (`ENG`, personal `~mayachen`), checked by the space directory before any request. */
export const spaceKey = z.string();

/** An attachment id (`att12345` or the bare number). */
export const attachmentId = z.string().regex(/^(att)?\d+$/, 'Expected an attachment id like att1234');

/** A label name, checked by {@link checkLabel} (a pattern here would be paid in every tools/list). */
export const labelName = z.string();

/** Confluence allows no spaces and none of `:;,.?&[]()#^*@!<>` in a label; lower case is what it stores. */
export function checkLabel(name: string): string {
  if (!/^[^\s:;,.?&[\]()#^*@!<>/\\]{1,255}$/.test(name))
    throw new InputError(
      `${JSON.stringify(name.slice(0, 40))} is not a label: a label is one word without spaces or punctuation.`,
    );
  return name.toLowerCase();
}

/** Clamped to 1..100 by the tools (bounds are not advertised: every token of tools/list is paid). */
export const limit = z.number().int().optional();
export const cursor = z.string().optional();

/** A page size from `limit`, within 1..100. */
export function pageSize(limit: number | undefined, fallback: number): number {
  return Math.min(100, Math.max(1, limit ?? fallback));
}
