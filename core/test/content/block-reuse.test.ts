import { RichText, type AdfDoc, type AdfNode } from '../../src/content/index.js';

const rt: RichText = new RichText();
const t = (text: string): AdfNode => ({ type: 'text', text });
const task = (i: number, done = false): AdfNode => ({
  type: 'taskItem',
  attrs: { localId: `task-${i}`, state: done ? 'DONE' : 'TODO' },
  content: [t(`Task number ${i}`)],
});
const item = (i: number): AdfNode => ({
  type: 'listItem',
  attrs: { localId: `li-${i}` },
  content: [{ type: 'paragraph', attrs: { localId: `p-${i}` }, content: [t(`Item ${i}`)] }],
});

const doc: AdfDoc = {
  type: 'doc',
  version: 1,
  content: [
    { type: 'paragraph', attrs: { localId: 'intro' }, content: [t('Intro')] },
    { type: 'taskList', attrs: { localId: 'checklist' }, content: Array.from({ length: 20 }, (_, i) => task(i)) },
    {
      type: 'orderedList',
      attrs: { order: 1, localId: 'steps' },
      content: Array.from({ length: 8 }, (_, i) => item(i)),
    },
    { type: 'paragraph', attrs: { localId: 'outro' }, content: [t('Outro')] },
  ],
};

describe('unchanged blocks and list items come back verbatim', () => {
  const md = rt.adfToMarkdown(doc);

  test('editing one paragraph leaves every other block verbatim (localIds included)', () => {
    const out = rt.markdownToAdf(md.replace('Outro', 'Outro, edited'), { base: doc });
    expect(out.content.slice(0, 3)).toEqual(doc.content.slice(0, 3));
    // The edited paragraph is the same block, edited: it keeps its own localId too.
    expect(out.content[3]).toEqual({ type: 'paragraph', attrs: { localId: 'outro' }, content: [t('Outro, edited')] });
  });

  test('ticking one task keeps every other task and the list itself', () => {
    const out = rt.markdownToAdf(md.replace('- [ ] Task number 7', '- [x] Task number 7'), { base: doc });
    const list = out.content[1]!;
    expect(list.attrs).toEqual({ localId: 'checklist' });
    expect(list.content!.filter((_, i) => i !== 7)).toEqual(doc.content[1]!.content!.filter((_, i) => i !== 7));
    expect(list.content![7]).toMatchObject({
      type: 'taskItem',
      attrs: { state: 'DONE' },
      content: [t('Task number 7')],
    });
  });

  test('editing, adding and reordering ordered-list items keeps the untouched items', () => {
    const edited = md
      .replace('3. Item 2', '3. Item two')
      .replace('8. Item 7', '8. Item 7\n9. Item new')
      .replace('1. Item 0\n2. Item 1', '1. Item 1\n2. Item 0');
    const out = rt.markdownToAdf(edited, { base: doc });
    const items = out.content[2]!.content!;
    expect(out.content[2]!.attrs).toEqual({ order: 1, localId: 'steps' });
    expect(items[0]).toEqual(item(1));
    expect(items[1]).toEqual(item(0));
    expect(items[2]).toEqual({ type: 'listItem', content: [{ type: 'paragraph', content: [t('Item two')] }] });
    expect(items.slice(3, 8)).toEqual([3, 4, 5, 6, 7].map(item));
    expect(items[8]).toEqual({ type: 'listItem', content: [{ type: 'paragraph', content: [t('Item new')] }] });
  });
});
