import type { PhrasingContent } from 'mdast';
import type { AdfNode } from './adf-types.js';
import type { InlineConverter } from './mdast-inline-to-adf.js';

/*
 * `<details><summary>Title</summary>Body</details>` in a GFM table cell (one line, so its parts
 * are inline html): a nested expand, which ADF allows in table cells (and Confluence storage
 * writes as an expand macro in the cell). The text around it stays paragraphs of the cell.
 */

const OPEN = /^<details(?:\s[^>]*)?>$/i;
const CLOSE = /^<\/details\s*>$/i;
const SUMMARY_OPEN = /^<summary(?:\s[^>]*)?>$/i;
const SUMMARY_CLOSE = /^<\/summary\s*>$/i;

/** True when the cell's inline content holds a `<details>` … `</details>` pair. */
export function holdsDetails(children: readonly PhrasingContent[]): boolean {
  const open = children.findIndex((n) => isHtml(n, OPEN));
  return open !== -1 && children.slice(open + 1).some((n) => isHtml(n, CLOSE));
}

/**
 * The cell's blocks: paragraphs (`paragraph` turns inline content into one; inside an expand,
 * which allows no alignment) with a nested expand for every `<details>` pair. A `<details>` inside
 * the body stays text (a nested expand holds none).
 */
export function cellWithDetails(
  children: readonly PhrasingContent[],
  inline: InlineConverter,
  paragraph: (content: AdfNode[], inExpand: boolean) => AdfNode,
): AdfNode[] {
  const blocks: AdfNode[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    const content = inline.convert(run);
    if (content.some((n) => n.type !== 'text' || n.text!.trim() !== '')) blocks.push(paragraph(content, false));
    run = [];
  };
  for (let i = 0; i < children.length; i++) {
    const close = isHtml(children[i]!, OPEN) ? closeOf(children, i) : -1;
    if (close === -1) {
      run.push(children[i]!);
      continue;
    }
    flush();
    let body = children.slice(i + 1, close);
    let title: string | undefined;
    const summaryEnd = isHtml(body[0], SUMMARY_OPEN) ? body.findIndex((n) => isHtml(n, SUMMARY_CLOSE)) : -1;
    if (summaryEnd !== -1) {
      title = textOf(body.slice(1, summaryEnd)).replace(/\s+/g, ' ').trim();
      body = body.slice(summaryEnd + 1);
    }
    const content = inline.convert(body);
    blocks.push({
      type: 'nestedExpand',
      attrs: title === undefined || title === '' ? {} : { title },
      content: [paragraph(content, true)],
    });
    i = close;
  }
  flush();
  return blocks.length > 0 ? blocks : [paragraph([], false)];
}

function closeOf(children: readonly PhrasingContent[], open: number): number {
  let depth = 0;
  for (let j = open; j < children.length; j++) {
    if (isHtml(children[j]!, OPEN)) depth++;
    else if (isHtml(children[j]!, CLOSE) && --depth === 0) return j;
  }
  return -1;
}

function isHtml(node: PhrasingContent | undefined, pattern: RegExp): boolean {
  return node?.type === 'html' && pattern.test(node.value.trim());
}

function textOf(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((n) =>
      n.type === 'html' ? '' : 'value' in n ? n.value : 'children' in n ? textOf(n.children as PhrasingContent[]) : '',
    )
    .join('');
}
