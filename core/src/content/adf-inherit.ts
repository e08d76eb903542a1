import type { AdfNode } from './adf-types.js';
import { canonicalJson } from './node-ids.js';

/**
 * Attributes Markdown never shows: ids, and the storage element attributes the reader keeps. A
 * block rebuilt from an edit takes them from the block it replaces, so editing one word of a task
 * does not renumber it, and a styled storage paragraph keeps its attributes.
 */
export const INVISIBLE_ATTRS: readonly string[] = ['localId', 'xmlAttrs', 'adfAttrs', 'taskUuid', 'bare'];

/**
 * Attributes the editors write with their default value on every node of a type (every Jira table
 * has `isNumberColumnEnabled: false, layout: "default"`): Markdown shows them as nothing, a node
 * without them means the same, and an edited node keeps them from the node it replaces.
 */
export const DEFAULT_ATTRS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  table: { isNumberColumnEnabled: false, layout: 'default' },
};

/** True when `attrs[key]` is the default value the editors write for `type`. */
export function isDefaultAttr(type: string, key: string, value: unknown): boolean {
  const defaults = DEFAULT_ATTRS[type];
  return defaults !== undefined && key in defaults && defaults[key] === value;
}

/**
 * After a write against the current document: each rebuilt node that sits where a node of the same
 * type sat (between the same unchanged neighbours, in a run of the same length) is that node
 * edited, so it keeps that node's invisible attributes — recursively, so the list items, cells and
 * paragraphs of an edited block keep theirs too. A node equal to the one it replaces *is* that
 * node (same object: storage writes it from its source element).
 */
export function inheritInPlace(before: readonly AdfNode[], after: AdfNode[]): AdfNode[] {
  const anchors = matchEqual(before, after);
  const out = [...after];
  let prevBefore = -1;
  let prevAfter = -1;
  for (const [b, a] of [...anchors, [before.length, after.length] as const]) {
    if (a < after.length) out[a] = before[b]!;
    const gapBefore = before.slice(prevBefore + 1, b);
    const gapAfter = after.slice(prevAfter + 1, a);
    if (gapBefore.length === gapAfter.length) {
      gapAfter.forEach((node, i) => {
        out[prevAfter + 1 + i] = inheritNode(gapBefore[i]!, node);
      });
    }
    prevBefore = b;
    prevAfter = a;
  }
  return out;
}

/** `node` with the invisible attributes of `base` when both are the same type, content paired alike. */
function inheritNode(base: AdfNode, node: AdfNode): AdfNode {
  // A block task reads as a task; edited, it stays a block task (its paragraph holds the text).
  if (base.type === 'blockTaskItem' && node.type === 'taskItem' && base.content?.[0]?.type === 'paragraph') {
    const paragraph = { ...base.content[0], content: node.content ?? [] };
    node = { ...base, attrs: { ...base.attrs, state: node.attrs?.state }, content: [paragraph] };
  }
  if (base.type !== node.type || base.type === 'text') return node;
  let result = node;
  const kept = Object.keys(base.attrs ?? {}).filter(
    (key) =>
      INVISIBLE_ATTRS.includes(key) ||
      (isDefaultAttr(base.type, key, base.attrs![key]) && node.attrs?.[key] === undefined),
  );
  if (kept.length > 0) {
    const attrs = { ...(node.attrs ?? {}) };
    for (const key of kept) attrs[key] = base.attrs![key];
    result = { ...result, attrs };
  }
  if (base.content !== undefined && node.content !== undefined && base.content !== node.content) {
    const content = inheritInPlace(base.content, node.content);
    if (content.some((c, i) => c !== node.content![i])) result = { ...result, content };
  }
  return canonicalJson(result) === canonicalJson(base) ? base : result;
}

/**
 * Pairs of indexes [before, after] of equal nodes, increasing on both sides (a longest common
 * subsequence: moved nodes are not anchors), O(n·m) only over the part between the common head and tail.
 */
function matchEqual(before: readonly AdfNode[], after: readonly AdfNode[]): [number, number][] {
  // The same object is equal without comparing its JSON (a block written back unchanged is the block).
  const equal = (b: AdfNode, a: AdfNode) => b === a || canonicalJson(b) === canonicalJson(a);
  // Most writes change a few blocks: the common head and tail pair up without the table.
  let head = 0;
  while (head < before.length && head < after.length && equal(before[head]!, after[head]!)) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    equal(before[before.length - 1 - tail]!, after[after.length - 1 - tail]!)
  )
    tail++;
  const keysB = before.slice(head, before.length - tail).map((node) => canonicalJson(node));
  const keysA = after.slice(head, after.length - tail).map((node) => canonicalJson(node));
  const middle = lcs(keysB, keysA);
  return [
    ...Array.from({ length: head }, (_, i): [number, number] => [i, i]),
    ...middle.map(([b, a]): [number, number] => [b + head, a + head]),
    ...Array.from({ length: tail }, (_, i): [number, number] => [before.length - tail + i, after.length - tail + i]),
  ];
}

function lcs(keysB: readonly string[], keysA: readonly string[]): [number, number][] {
  const n = keysB.length;
  const m = keysA.length;
  if (n === 0 || m === 0) return [];
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i]![j] = keysB[i] === keysA[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (keysB[i] === keysA[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}
