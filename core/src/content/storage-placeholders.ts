import type { AdfNode } from './adf-types.js';
import type { Placeholder } from './placeholder-syntax.js';
import type { XmlNode } from './storage-xml.js';

/**
 * Storage-only placeholders a model may write without an id (Confluence has no ADF node for them):
 * `⟦page Title⟧` or `⟦page SPACE:Title⟧` (a page link), `⟦attachment file.pdf⟧`, `⟦image a.png⟧`
 * (an attached image), `⟦jira KEY-1⟧` (an issue macro), `⟦toc⟧`.
 */
export function storagePlaceholder(ph: Placeholder, block: boolean): AdfNode | undefined {
  const xml = storageElement(ph);
  if (xml === undefined) return undefined;
  return { type: block ? 'storageBlock' : 'storageInline', attrs: { kind: ph.kind, label: ph.arg, xml } };
}

function storageElement(ph: Placeholder): XmlNode | undefined {
  const el = (tag: string, attrs: [string, string][], children: XmlNode[] = []): XmlNode => ({
    kind: 'element',
    tag,
    attrs,
    children,
  });
  const param = (name: string, value: string) =>
    el('ac:parameter', [['ac:name', name]], [{ kind: 'text', text: value }]);
  const macro = (name: string, params: XmlNode[]) =>
    el(
      'ac:structured-macro',
      [
        ['ac:name', name],
        ['ac:schema-version', '1'],
      ],
      params,
    );
  switch (ph.kind) {
    case 'page': {
      if (ph.arg === '') return undefined;
      const split = /^([A-Za-z0-9~_-]+):(.+)$/.exec(ph.arg);
      const attrs: [string, string][] = split
        ? [
            ['ri:content-title', split[2]!],
            ['ri:space-key', split[1]!],
          ]
        : [['ri:content-title', ph.arg]];
      return el('ac:link', [], [el('ri:page', attrs)]);
    }
    case 'attachment':
      return ph.arg === '' ? undefined : el('ac:link', [], [el('ri:attachment', [['ri:filename', ph.arg]])]);
    case 'image':
      return ph.arg === '' ? undefined : el('ac:image', [], [el('ri:attachment', [['ri:filename', ph.arg]])]);
    case 'jira':
      return /^[A-Z][A-Z0-9_]+-\d+$/.test(ph.arg) ? macro('jira', [param('key', ph.arg)]) : undefined;
    case 'toc':
      return macro('toc', []);
    default:
      return undefined;
  }
}
