import * as z from 'zod';

// Shapes of the arguments that name something in a URL path: a value of another shape (`..`,
// `/`, `%2e%2e`, a lone surrogate) is an input error before any request (issue 11). Core's
// `apiPath` checks again when the path is built.

/** An issue key (`PROJ-123`) or a numeric issue id. */
export const issueIdOrKey = z
  .string()
  .regex(/^([A-Za-z]\w+-)?\d+$/, 'Expected an issue key like PROJ-123 or a numeric issue id');

/** A numeric id as Jira sends it (a string of digits): comments, worklogs, attachments, versions. */
export const numericId = z.string().regex(/^\d+$/, 'Expected a numeric id like 10042');

/** A project key (`PROJ`) or a numeric project id. */
export const projectKeyOrId = z
  .string()
  .regex(/^([A-Za-z]\w+|\d+)$/, 'Expected a project key like PROJ or a numeric project id');
