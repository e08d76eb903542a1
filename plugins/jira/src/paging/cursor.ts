import { InputError } from '@atlassian-mcp/core';

/**
 * Opaque cursors for the model: the upstream paging state (a Jira `nextPageToken`, an offset)
 * wrapped with the query it belongs to, so a cursor replayed against another query is refused.
 */
export function encodeCursor(kind: string, state: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ k: kind, ...state })).toString('base64url');
}

export function decodeCursor<T extends Record<string, unknown>>(kind: string, cursor: string): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed !== 'object' || (parsed as { k?: unknown }).k !== kind) {
    throw new InputError('Invalid cursor.', {
      hint: 'Pass the cursor exactly as the previous result gave it, with the same other arguments.',
    });
  }
  return parsed as T;
}
