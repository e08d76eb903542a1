import * as z from 'zod';
import { InputError } from '@atlassian-mcp/core';

// Shapes of the arguments that name something in a URL path: a value of another shape (`..`,
// `/`, `%2e%2e`, `?`) is an input error before any request. Core's `apiPath` checks again.

/** A request: its issue key (`ITS-12`) or numeric issue id. */
export const issueKey = z.string().regex(/^(\w+-)?\d+$/, 'Expected a request key like ITS-12');

/** A service desk: its numeric id or its project key (either works; not described: tools/list pays for it). */
export const serviceDeskId = z.string().regex(/^\w+$/, 'Expected a service desk id like 1 or a project key like ITS');

/** A numeric id as JSM sends it (a string of digits). */
export const numericId = z.string().regex(/^\d+$/, 'Expected a numeric id like 10');

/** An Atlassian account id (`5b10ac8d82e05b22cc7d4ef5`, `qm:…:…`, `712020:…`). */
export const accountId = z.string().regex(/^[\w:-]{1,128}$/, 'Expected an Atlassian account id');

/** Rows per page (clamped to 1..100 by {@link pageSize}). */
export const limit = z.number().int().optional();
export const cursor = z.string().optional();

/** A page size from the `limit` argument: at least 1, at most 100. */
export function pageSize(limit: number | undefined, fallback: number): number {
  return Math.min(100, Math.max(1, limit ?? fallback));
}

/** Account ids given by the model: trimmed, without repeats, at least one. */
export function distinctIds(ids: string[]): string[] {
  const out = [...new Set(ids.map((s) => s.trim()).filter(Boolean))];
  if (!out.length)
    throw new InputError('Give at least one account id', { hint: 'Find people with servicedesk_list_customers.' });
  return out;
}
