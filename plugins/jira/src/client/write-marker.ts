import { randomUUID } from 'node:crypto';

/**
 * The entity property each create carries (issues, comments, worklogs), so a write whose answer
 * was lost can be found afterwards and is never sent twice (issue 11). Invisible in Jira's UI.
 */
export const WRITE_PROPERTY = 'atlassian-mcp.write';

/** A fresh marker: its id, and the property to send with the create. */
export function newWriteMarker(): { id: string; property: { key: string; value: { id: string } } } {
  const id = randomUUID();
  return { id, property: { key: WRITE_PROPERTY, value: { id } } };
}

/**
 * True when entity properties carry the marker: `[{key, value}]` (comments, worklogs) or
 * `{key: value}` (issues).
 */
export function carriesMarker(properties: unknown, id: string): boolean {
  const value = Array.isArray(properties)
    ? (properties as Array<{ key?: unknown; value?: unknown }>).find((p) => p?.key === WRITE_PROPERTY)?.value
    : (properties as Record<string, unknown> | undefined)?.[WRITE_PROPERTY];
  return (value as { id?: unknown } | undefined)?.id === id;
}
