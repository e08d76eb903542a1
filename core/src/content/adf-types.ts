/**
 * Atlassian Document Format (ADF) shapes, as plain JSON. Deliberately loose (`attrs` is a record):
 * Atlassian adds node types and attributes over time, and the converters must carry unknown ones
 * through untouched. The schema guard (`AdfValidator`) is what decides validity.
 */

/** A mark on a text or inline node (`strong`, `link`, `textColor`, …). */
export interface AdfMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** Any ADF node: block, inline or text. */
export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  marks?: AdfMark[];
  content?: AdfNode[];
  /** Only on `text` nodes. */
  text?: string;
}

/** The root of an ADF document (`{ type: 'doc', version: 1, content: [...] }`). */
export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

/** Builds an empty document. */
export function emptyAdfDoc(): AdfDoc {
  return { type: 'doc', version: 1, content: [] };
}
