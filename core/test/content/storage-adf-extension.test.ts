import { RichText } from '../../src/content/index.js';
import { parseStorage } from '../../src/content/storage-xml.js';

const rt: RichText = new RichText();

// Shaped like what Confluence Cloud's editor stores for a note panel, a decision list and an
// ADF node storage has no other element for (an embedded smart link).
const notePanel = (text: string) =>
  `<ac:adf-extension><ac:adf-node type="panel"><ac:adf-attribute key="panel-type">note</ac:adf-attribute><ac:adf-content><p>${text}</p></ac:adf-content></ac:adf-node><ac:adf-fallback><div class="panel conf-macro output-block"><div class="panelContent"><p>${text}</p></div></div></ac:adf-fallback></ac:adf-extension>`;
const decisions = (id: string, ...items: string[]) =>
  `<ac:adf-extension><ac:adf-node type="decision-list"><ac:adf-attribute key="local-id">${id}</ac:adf-attribute>` +
  items
    .map(
      (text, i) =>
        `<ac:adf-node type="decision-item"><ac:adf-attribute key="local-id">${id}-${i}</ac:adf-attribute><ac:adf-attribute key="state">DECIDED</ac:adf-attribute><ac:adf-content>${text}</ac:adf-content></ac:adf-node>`,
    )
    .join('') +
  `</ac:adf-node><ac:adf-fallback><ul class="decision-list">${items.map((t) => `<li>${t}</li>`).join('')}</ul></ac:adf-fallback></ac:adf-extension>`;
const embed = (url: string) =>
  `<ac:adf-extension><ac:adf-node type="embed-card"><ac:adf-attribute key="url">${url}</ac:adf-attribute><ac:adf-attribute key="layout">wide</ac:adf-attribute></ac:adf-node><ac:adf-fallback><a href="${url}">${url}</a></ac:adf-fallback></ac:adf-extension>`;

const tags = (xhtml: string) =>
  parseStorage(xhtml).map((n) => (n.kind === 'element' ? n.tag : n.kind === 'text' ? '#text' : n.kind));

describe('block-level ac:adf-extension elements', () => {
  const page =
    '<p>Before</p>' +
    embed('https://www.figma.com/file/abc') +
    embed('https://www.loom.com/share/def') +
    embed('https://miro.com/app/board/ghi') +
    '<p>After</p>';

  test('three adjacent ones stay three blocks, never wrapped in a paragraph, edited next to or not', () => {
    const markdown = rt.storageToMarkdown(page);
    expect(markdown.split('\n\n')).toEqual([
      'Before',
      expect.stringMatching(/^⟦embed-card\^[0-9a-z]{5}⟧$/),
      expect.stringMatching(/^⟦embed-card\^[0-9a-z]{5}⟧$/),
      expect.stringMatching(/^⟦embed-card\^[0-9a-z]{5}⟧$/),
      'After',
    ]);
    expect(rt.markdownToStorage(markdown, { base: page })).toBe(page);
    const edited = rt.markdownToStorage(markdown.replace('After', 'After, edited'), { base: page });
    expect(tags(edited)).toEqual(['p', 'ac:adf-extension', 'ac:adf-extension', 'ac:adf-extension', 'p']);
    expect(edited).toBe(page.replace('<p>After</p>', '<p>After, edited</p>'));
    // Moving one keeps it whole.
    const blocks = markdown.split('\n\n');
    const moved = rt.markdownToStorage([blocks[3], blocks[0], blocks[1], blocks[2], blocks[4]].join('\n\n'), {
      base: page,
    });
    expect(tags(moved)).toEqual(['ac:adf-extension', 'p', 'ac:adf-extension', 'ac:adf-extension', 'p']);
  });

  test('a note panel body is editable Markdown; the edit drops the stale fallback and keeps the type', () => {
    const source = notePanel('Owners confirm by Friday.');
    const markdown = rt.storageToMarkdown(source);
    expect(markdown).toMatch(/^⟦panel note\^[0-9a-z]{5}⟧\n\nOwners confirm by Friday\.\n\n⟦\/panel⟧$/);
    expect(rt.markdownToStorage(markdown, { base: source })).toBe(source);
    expect(rt.markdownToStorage(markdown.replace('Friday', '**Thursday**'), { base: source })).toBe(
      '<ac:adf-extension><ac:adf-node type="panel"><ac:adf-attribute key="panel-type">note</ac:adf-attribute><ac:adf-content><p>Owners confirm by <strong>Thursday</strong>.</p></ac:adf-content></ac:adf-node></ac:adf-extension>',
    );
  });

  test('new success/error panels are written the way Confluence stores them', () => {
    expect(rt.markdownToStorage('⟦panel success⟧\n\nShipped.\n\n⟦/panel⟧')).toBe(
      '<ac:adf-extension><ac:adf-node type="panel"><ac:adf-attribute key="panel-type">success</ac:adf-attribute><ac:adf-content><p>Shipped.</p></ac:adf-content></ac:adf-node></ac:adf-extension>',
    );
  });

  test('a decision list reads as decisions; editing one keeps every id', () => {
    const source = decisions('dl-1', 'Ship Monday', 'Freeze Friday');
    const markdown = rt.storageToMarkdown(source);
    expect(markdown).toBe('- ⟦decision⟧ Ship Monday\n- ⟦decision⟧ Freeze Friday');
    expect(rt.markdownToStorage(markdown, { base: source })).toBe(source);
    const edited = rt.markdownToStorage(markdown.replace('Freeze Friday', 'Freeze Thursday'), { base: source });
    expect(edited).toContain('<ac:adf-attribute key="local-id">dl-1</ac:adf-attribute>');
    expect(edited).toContain('<ac:adf-attribute key="local-id">dl-1-0</ac:adf-attribute>');
    expect(edited).toContain(
      '<ac:adf-attribute key="local-id">dl-1-1</ac:adf-attribute><ac:adf-attribute key="state">DECIDED</ac:adf-attribute><ac:adf-content>Freeze Thursday</ac:adf-content>',
    );
    expect(edited).not.toContain('ac:adf-fallback');
  });
});
