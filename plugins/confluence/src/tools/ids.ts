import * as z from 'zod';

// Shapes of the arguments that name something in a URL path: a value of another shape (`..`,
// `/`, `%2e%2e`, a lone surrogate) is an input error before any request (issue 11). Core's
// `apiPath` checks again when the path is built.

/** A numeric content id (pages, blog posts, comments, folders). */
export const contentId = z.string().regex(/^\d+$/, 'Expected a numeric id like 98306');

/** A page: its id, or any Confluence URL of it (page, edit, viewpage.action, tiny /x/ link, display/SPACE/Title). */
export const pageRef = z
  .string()
  .regex(/^(\d+|https?:\/\/\S+)$/, 'Expected a page id like 98306 or a Confluence page URL')
  .describe('Page id or URL');

/** A space key (`ENG`, personal `~mayachen`). */
export const spaceKey = z
  .string()
  .regex(/^~?[A-Za-z0-9_-]+$/, 'Expected a space key like ENG')
  .describe('Space key');

/** An attachment id (`att12345` or the bare number). */
export const attachmentId = z.string().regex(/^(att)?\d+$/, 'Expected an attachment id like att1234');

/** A label name: Confluence allows no spaces and none of `:;,.?&[]()#^*@!<>`. */
export const labelName = z
  .string()
  .regex(/^[^\s:;,.?&[\]()#^*@!<>/\\]{1,255}$/, 'A label is one word without spaces or punctuation');

export const limit = z.number().int().min(1).max(100).optional();
export const cursor = z.string().optional();
