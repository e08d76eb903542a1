import { z } from 'zod';
import { InputError } from '../plugin-api/errors.js';
import type { AdfNode } from './adf-types.js';

const heading = z
  .string()
  .min(1)
  .describe('Text of the heading that starts the section (case-insensitive; "## " prefix optional).');
const markdown = z.string().describe('Markdown (placeholders allowed).');

/**
 * One targeted edit of a long document, so a model changes one part without re-sending the rest.
 * A section is a heading and everything after it up to the next heading of the same or higher level.
 */
export const sectionEditSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('replace_section'),
    heading,
    markdown: markdown.describe('New body of the section (the heading itself stays).'),
  }),
  z.object({ op: z.literal('insert_after_section'), heading, markdown }),
  z.object({ op: z.literal('insert_before_section'), heading, markdown }),
  z.object({ op: z.literal('append'), markdown }),
  z.object({ op: z.literal('prepend'), markdown }),
  z.object({
    op: z.literal('find_replace'),
    find: z.string().min(1).describe('Exact text to find (within one run of equally formatted text).'),
    replace: z.string().describe('Replacement text (plain).'),
    all: z.boolean().optional().describe('Replace every occurrence; by default the text must occur exactly once.'),
  }),
]);

/** A section edit (see `sectionEditSchema`). */
export type SectionEdit = z.infer<typeof sectionEditSchema>;

/** A format's view of its top-level blocks, so one edit algorithm serves ADF and storage. */
export interface BlockModel<B> {
  /** The heading level of a block, or undefined when it is not a heading. */
  headingLevel(block: B): number | undefined;
  /** The plain text of a heading block. */
  headingText(block: B): string;
}

/** [start, end) of the section under `heading`: start is the heading itself. */
export function findSection<B>(
  blocks: readonly B[],
  heading: string,
  model: BlockModel<B>,
): { start: number; end: number } {
  const wanted = normalise(heading.replace(/^\s*#{1,6}\s+/, ''));
  const matches: number[] = [];
  blocks.forEach((block, i) => {
    if (model.headingLevel(block) !== undefined && normalise(model.headingText(block)) === wanted) matches.push(i);
  });
  if (matches.length === 0) {
    const headings = blocks.filter((b) => model.headingLevel(b) !== undefined).map((b) => `"${model.headingText(b)}"`);
    throw new InputError(`No heading "${heading}" in the document.`, {
      hint:
        headings.length > 0
          ? `Headings are: ${headings.slice(0, 30).join(', ')}.`
          : 'The document has no headings: use append, prepend or find_replace.',
    });
  }
  if (matches.length > 1)
    throw new InputError(
      `The heading "${heading}" occurs ${matches.length} times; edit the whole document or use find_replace.`,
    );
  const start = matches[0]!;
  const level = model.headingLevel(blocks[start]!)!;
  let end = start + 1;
  while (end < blocks.length) {
    const other = model.headingLevel(blocks[end]!);
    if (other !== undefined && other <= level) break;
    end++;
  }
  return { start, end };
}

/** Applies a section edit to top-level blocks; `convert` turns the edit's Markdown into blocks. */
export function applySectionEdit<B>(
  blocks: readonly B[],
  edit: SectionEdit,
  model: BlockModel<B>,
  convert: (markdown: string) => B[],
): B[] {
  switch (edit.op) {
    case 'append':
      return [...blocks, ...convert(edit.markdown)];
    case 'prepend':
      return [...convert(edit.markdown), ...blocks];
    case 'replace_section': {
      const { start, end } = findSection(blocks, edit.heading, model);
      return [...blocks.slice(0, start + 1), ...convert(edit.markdown), ...blocks.slice(end)];
    }
    case 'insert_after_section': {
      const { end } = findSection(blocks, edit.heading, model);
      return [...blocks.slice(0, end), ...convert(edit.markdown), ...blocks.slice(end)];
    }
    case 'insert_before_section': {
      const { start } = findSection(blocks, edit.heading, model);
      return [...blocks.slice(0, start), ...convert(edit.markdown), ...blocks.slice(start)];
    }
    case 'find_replace':
      throw new InputError('find_replace is applied by the format, not as a block edit.');
  }
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The ADF view of blocks. */
export const adfBlockModel: BlockModel<AdfNode> = {
  headingLevel: (block) => (block.type === 'heading' ? Number(block.attrs?.level ?? 1) : undefined),
  headingText: (block) => plainText(block),
};

/** The plain text of an ADF node. */
export function plainText(node: AdfNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'mention' || node.type === 'status') return String(node.attrs?.text ?? '');
  return (node.content ?? []).map(plainText).join('');
}

/** Replaces text inside ADF text nodes (code blocks included); counts are checked by the caller. */
export function replaceAdfText(
  node: AdfNode,
  find: string,
  replace: string,
  budget: { left: number },
): { node: AdfNode; count: number } {
  if (node.type === 'text' && node.text !== undefined) {
    let count = 0;
    let text = node.text;
    let from = 0;
    let out = '';
    while (budget.left > 0) {
      const at = text.indexOf(find, from);
      if (at === -1) break;
      out += text.slice(from, at) + replace;
      from = at + find.length;
      count++;
      budget.left--;
    }
    if (count === 0) return { node, count: 0 };
    text = out + text.slice(from);
    return { node: { ...node, text }, count };
  }
  if (node.content === undefined) return { node, count: 0 };
  let count = 0;
  const content: AdfNode[] = [];
  for (const child of node.content) {
    const result = replaceAdfText(child, find, replace, budget);
    count += result.count;
    if (result.node.type !== 'text' || result.node.text !== '') content.push(result.node);
  }
  return count === 0 ? { node, count } : { node: { ...node, content }, count };
}

/** Counts occurrences of `find` inside text nodes. */
export function countAdfText(node: AdfNode, find: string): number {
  if (node.type === 'text') return (node.text ?? '').split(find).length - 1;
  return (node.content ?? []).reduce((sum, child) => sum + countAdfText(child, find), 0);
}
