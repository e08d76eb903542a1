import { ConflictError, InputError } from '../../src/plugin-api/errors.js';
import { RichText, type AdfDoc, type AdfNode } from '../../src/content/index.js';
import { runInCallScope, type CallScope } from '../../src/pipeline/call-scope.js';
import { ReadDocuments } from '../../src/content/read-documents.js';
import { MarkdownAdfConverter } from '../../src/content/markdown-to-adf.js';
import { normaliseAdf } from '../../src/content/adf-normalise.js';
import { parseStorage } from '../../src/content/storage-xml.js';
import { corpusNames, readCorpus } from './corpus.js';

const scope = (connection: string): CallScope =>
  ({ requestId: 'r', tool: 't', signal: new AbortController().signal, connection }) as unknown as CallScope;
/** Runs `fn` as a tool call on `connection` would. */
const on = <T>(connection: string, fn: () => T): Promise<T> => runInCallScope(scope(connection), async () => fn());

const media = (attrs: Record<string, unknown>) =>
  typeof attrs.id === 'string' && attrs.id.startsWith('8f1c2b9a')
    ? { name: `attachment-${attrs.id.slice(-2)}.bin` }
    : undefined;

// One service, as in a server; each test reads on its own connection.
const rt = new RichText();
let connections = 0;
const fresh = () => `connection-${++connections}`;

describe('Markdown read from one document written into another', () => {
  // Every document of the corpus: read on a connection, written as a new document on the same
  // connection, it is the same ADF — panels, statuses, mentions, media, macros and all.
  test.each(corpusNames('adf', '.json'))('%s copies exactly into a new document', async (name) => {
    const c = fresh();
    const doc = JSON.parse(readCorpus('adf', name + '.json')) as AdfDoc;
    const markdown = await on(c, () => rt.adfToMarkdown(doc, { media, source: `jira:A-1:${name}` }));
    const copy = await on(c, () => rt.markdownToAdf(markdown, { media, source: 'jira:B-1:description' }));
    expect(copy).toEqual(doc);
  });

  // The same, every block rebuilt from its Markdown (as when the model edits what it copies):
  // each placeholder resolves against the document it was read from.
  test.each(corpusNames('adf', '.json'))(
    '%s rebuilt block by block in a new document keeps its rich nodes',
    async (name) => {
      const c = fresh();
      const doc = JSON.parse(readCorpus('adf', name + '.json')) as AdfDoc;
      const markdown = await on(c, () => rt.adfToMarkdown(doc, { media, source: `jira:A-1:${name}` }));
      const others = new ReadDocuments();
      await on(c, () => others.remember(c, `jira:A-1:${name}`, 'adf', doc.content, []));
      const copy = new MarkdownAdfConverter({ media, reuseBlocks: false, others: others.recent(c) }).convert(markdown);
      expect(() => rt.validateAdf(copy)).not.toThrow();
      expect(normaliseAdf(copy)).toEqual(normaliseAdf(doc));
    },
  );

  test('quoting part of a document into an existing one keeps the quoted rich nodes', async () => {
    const c1 = fresh();
    const source = JSON.parse(readCorpus('adf', '38-panels.json')) as AdfDoc;
    const target: AdfDoc = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Notes' }] }],
    };
    const quoted = await on(c1, () => rt.adfToMarkdown(source, { source: 'jira:A-1:description' }));
    const current = await on(c1, () => rt.adfToMarkdown(target, { source: 'jira:B-1:description' }));
    const out = await on(c1, () =>
      rt.markdownToAdf(`${current}\n\n${quoted}`, { base: target, source: 'jira:B-1:description' }),
    );
    expect(out.content).toEqual([...target.content, ...source.content]);
  });

  test('another connection has read nothing: self-describing placeholders rebuild, opaque ones are refused by name', async () => {
    const c1 = fresh();
    const c2 = fresh();
    const doc = JSON.parse(readCorpus('adf', '19-extensions.json')) as AdfDoc;
    const markdown = await on(c1, () => rt.adfToMarkdown(doc, { source: 'jira:A-1:description' }));
    const macro = /⟦macro [^⟧]*\^[0-9a-z]{5}⟧/.exec(markdown)![0];
    await expect(on(c2, () => rt.markdownToAdf(markdown))).rejects.toThrow(InputError);
    await expect(on(c2, () => rt.markdownToAdf(markdown))).rejects.toThrow(
      `Placeholder ${macro} comes from a document this session has not read`,
    );
    const status: AdfDoc = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'status', attrs: { text: 'Done', color: 'green', localId: 's-1' } }] },
      ],
    };
    const statusMd = await on(c1, () => rt.adfToMarkdown(status));
    expect(statusMd).toMatch(/^⟦status:green Done\^[0-9a-z]{5}⟧$/);
    expect((await on(c2, () => rt.markdownToAdf(statusMd))).content[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'status', attrs: { text: 'Done', color: 'green' } }],
    });
  });

  test('an edit of a document that changed since it was read is still a conflict, not a copy of the old read', async () => {
    const c1 = fresh();
    const status = (text: string): AdfDoc => ({
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'State ' },
            { type: 'status', attrs: { text, color: 'blue', localId: 'x' } },
          ],
        },
      ],
    });
    const markdown = await on(c1, () => rt.adfToMarkdown(status('Open'), { source: 'jira:A-1:description' }));
    await expect(
      on(c1, () => rt.markdownToAdf(`${markdown} now`, { base: status('Closed'), source: 'jira:A-1:description' })),
    ).rejects.toThrow(ConflictError);
  });

  test('storage content copied into ADF is adapted; Confluence-only content is refused by name', async () => {
    const c1 = fresh();
    const page =
      '<p>Status <ac:structured-macro ac:name="status" ac:schema-version="1" ac:macro-id="m-1"><ac:parameter ac:name="title">LIVE</ac:parameter><ac:parameter ac:name="colour">Green</ac:parameter></ac:structured-macro></p>' +
      '<ac:structured-macro ac:name="info" ac:schema-version="1" ac:macro-id="m-2"><ac:rich-text-body><p>Read first.</p></ac:rich-text-body></ac:structured-macro>' +
      '<ac:structured-macro ac:name="toc" ac:schema-version="1" />';
    const markdown = await on(c1, () => rt.storageToMarkdown(page, { source: 'confluence:page:1' }));
    const [withoutToc] = markdown.split('\n\n⟦toc');
    const out = await on(c1, () => rt.markdownToAdf(withoutToc!));
    expect(out.content).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Status ' },
          { type: 'status', attrs: { text: 'LIVE', color: 'green' } },
        ],
      },
      {
        type: 'panel',
        attrs: { panelType: 'info' },
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Read first.' }] }],
      },
    ]);
    await expect(on(c1, () => rt.markdownToAdf(markdown))).rejects.toThrow(
      /⟦toc⟧ is Confluence content Jira cannot hold/,
    );
  });

  test('Jira content copied into a Confluence page is well-formed storage with its panels, statuses and mentions', async () => {
    const c1 = fresh();
    const doc = JSON.parse(readCorpus('adf', '34-incident-postmortem.json')) as AdfDoc;
    const markdown = await on(c1, () => rt.adfToMarkdown(doc, { source: 'jira:INC-1:description' }));
    const storage = await on(c1, () => rt.markdownToStorage(markdown, { source: 'confluence:page:9' }));
    expect(() => parseStorage(storage)).not.toThrow();
    for (const node of walk(doc.content)) {
      if (node.type === 'status')
        expect(storage).toContain(`<ac:parameter ac:name="title">${String(node.attrs!.text)}</ac:parameter>`);
      if (node.type === 'mention') expect(storage).toContain(`ri:account-id="${String(node.attrs!.id)}"`);
    }
  });
});

describe('the store of read documents', () => {
  test('is per connection and bounded (least recently read go first)', () => {
    const store = new ReadDocuments({ documents: 2, chars: 10_000, connections: 2 });
    const doc = (text: string): AdfNode[] => [{ type: 'paragraph', content: [{ type: 'text', text }] }];
    store.remember('a', 'd1', 'adf', doc('one'), []);
    store.remember('a', 'd2', 'adf', doc('two'), []);
    store.remember('a', 'd3', 'adf', doc('three'), []);
    expect(store.recent('a').map((d) => d.key)).toEqual(['d3', 'd2']);
    store.remember('a', 'd2', 'adf', doc('two again'), []);
    expect(store.recent('a').map((d) => d.key)).toEqual(['d2', 'd3']);
    expect(store.recent('b')).toEqual([]);
    store.remember('b', 'd1', 'adf', doc('b one'), []);
    store.remember('c', 'd1', 'adf', doc('c one'), []);
    expect(store.recent('a')).toEqual([]); // the least recently active connection is dropped
    expect(store.recent('c').map((d) => d.key)).toEqual(['d1']);
    store.remember('c', 'big', 'adf', doc('x'.repeat(20_000)), []);
    expect(store.recent('c').map((d) => d.key)).toEqual(['d1']); // a document over the budget is not kept
  });

  test('reads outside a tool call are not remembered', async () => {
    const c1 = fresh();
    const doc = JSON.parse(readCorpus('adf', '19-extensions.json')) as AdfDoc;
    const markdown = rt.adfToMarkdown(doc);
    await expect(on(c1, () => rt.markdownToAdf(markdown))).rejects.toThrow(InputError);
  });
});

function walk(nodes: readonly AdfNode[]): AdfNode[] {
  return nodes.flatMap((n) => [n, ...walk(n.content ?? [])]);
}
