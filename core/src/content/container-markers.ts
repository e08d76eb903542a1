import type { RootContent } from 'mdast';
import { parsePlaceholder, type Placeholder, type PlaceholderMdast } from './placeholder-syntax.js';

/** The placeholder a paragraph is, when it is nothing else: a container marker (`⟦panel info⟧`, `⟦/panel⟧`) or a leaf. */
export function markerOf(node: RootContent): Placeholder | undefined {
  if (node.type !== 'paragraph' || node.children.length !== 1 || node.children[0]!.type !== 'placeholder')
    return undefined;
  return parsePlaceholder((node.children[0] as PlaceholderMdast).value);
}

/** Index of the marker that closes the container opened at `from`, or -1. */
export function findClose(
  children: readonly RootContent[],
  from: number,
  kind: string,
  isLeaf: (ph: Placeholder) => boolean,
): number {
  let depth = 0;
  let lastCloser: number | undefined;
  for (let j = from + 1; j < children.length; j++) {
    const marker = markerOf(children[j]!);
    if (marker === undefined || marker.kind !== kind) continue;
    // Nothing after an opener closes it: nothing to find (and no leaf to look up).
    lastCloser ??= closerBefore(children, children.length, kind);
    if (!marker.closing && j > lastCloser) return -1;
    // A leaf of the same kind (an extension inside a bodied macro) opens nothing.
    if (!marker.closing && isLeaf(marker)) continue;
    if (!marker.closing) depth++;
    else if (depth === 0) return j;
    else depth--;
  }
  return -1;
}

/** Index of the last closing marker of this kind before `end`, or -1. */
function closerBefore(children: readonly RootContent[], end: number, kind: string): number {
  for (let j = end - 1; j >= 0; j--) {
    const marker = markerOf(children[j]!);
    if (marker?.closing === true && marker.kind === kind) return j;
  }
  return -1;
}
