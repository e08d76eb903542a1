import type { XMLParser } from 'fast-xml-parser';
import { InputError } from '../plugin-api/errors.js';

/** A node of a Confluence storage-format (XHTML) fragment. */
export type XmlNode =
  | { kind: 'element'; tag: string; attrs: [string, string][]; children: XmlNode[] }
  | { kind: 'text'; text: string }
  | { kind: 'cdata'; text: string }
  | { kind: 'comment'; text: string };

type Parsed = Record<string, unknown> & { ':@'?: Record<string, string> };

let parser: XMLParser | undefined;

// Loaded on first use, like the rest of the converters' dependencies (start-up time).
const fastXml = () => require('fast-xml-parser') as typeof import('fast-xml-parser');

function xmlParser(): XMLParser {
  parser ??= new (fastXml().XMLParser)({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
    cdataPropName: '#cdata',
    commentPropName: '#comment',
    parseTagValue: false,
    parseAttributeValue: false,
  });
  return parser;
}

/** Throws `InputError` unless `storage` is a well-formed storage fragment. */
export function assertWellFormedStorage(storage: string): void {
  // Storage may use HTML named entities (&nbsp;); XML only knows five, so hide the others first.
  const masked = storage.replace(
    /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)([a-zA-Z][a-zA-Z0-9]*);/g,
    '&amp;$1;',
  );
  const result = fastXml().XMLValidator.validate(
    `<root xmlns:ac="http://atlassian.com/content" xmlns:ri="http://atlassian.com/resource/identifier">${masked}</root>`,
  );
  if (result !== true) {
    const { msg, line, col } = result.err;
    throw new InputError(`Confluence storage is not well-formed XML: ${msg} (line ${line}, column ${col}).`, {
      hint: 'Close every tag, quote every attribute, and escape & and < in text.',
    });
  }
}

/** Parses a storage fragment (validated first: Confluence answers 400 to malformed storage). */
export function parseStorage(storage: string): XmlNode[] {
  assertWellFormedStorage(storage);
  return convert(xmlParser().parse(decodeNamedEntities(storage)) as Parsed[]);
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
let htmlEntities: Record<string, string> | undefined;

/**
 * Storage may use any HTML5 named character reference (`&eacute;`, `&rarr;`…); the XML parser knows
 * only a handful. Every other known name becomes a numeric reference before parsing — outside CDATA
 * sections and comments, whose text is literal — so it reads as its character.
 */
export function decodeNamedEntities(storage: string): string {
  if (!/&[A-Za-z]/.test(storage)) return storage;
  htmlEntities ??= (require('character-entities') as typeof import('character-entities')).characterEntities;
  const names = htmlEntities;
  return storage.replace(
    /(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)|&([A-Za-z][A-Za-z0-9]*);/g,
    (match, literal: string | undefined, name: string | undefined) => {
      if (literal !== undefined || name === undefined || XML_ENTITIES.has(name)) return match;
      const value = Object.hasOwn(names, name) ? names[name] : undefined;
      if (value === undefined) return match;
      return [...value].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join('');
    },
  );
}

function convert(items: Parsed[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const item of items) {
    const key = Object.keys(item).find((k) => k !== ':@')!;
    const value = item[key] as Parsed[];
    if (key === '#text') out.push({ kind: 'text', text: String(value) });
    else if (key === '#cdata') {
      const text = value.map((v) => String(v['#text'] ?? '')).join('');
      const last = out[out.length - 1];
      if (last?.kind === 'cdata')
        last.text += text; // `]]]]><![CDATA[>` splits are one body
      else out.push({ kind: 'cdata', text });
    } else if (key === '#comment')
      out.push({ kind: 'comment', text: value.map((v) => String(v['#text'] ?? '')).join('') });
    else out.push({ kind: 'element', tag: key, attrs: Object.entries(item[':@'] ?? {}), children: convert(value) });
  }
  return out;
}

const SELF_CLOSING = new Set(['br', 'hr', 'col', 'img', 'ac:emoticon', 'time', 'ac:task-list-placeholder']);

/** Serialises nodes in Confluence's canonical form (`<br />`, `<ri:… />`, CDATA for code bodies). */
export function serializeStorage(nodes: readonly XmlNode[]): string {
  return nodes.map(serializeNode).join('');
}

function serializeNode(node: XmlNode): string {
  switch (node.kind) {
    case 'text':
      return escapeText(node.text);
    case 'cdata':
      return cdata(node.text);
    case 'comment':
      return `<!--${node.text}-->`;
    case 'element':
      return element(node.tag, node.attrs, serializeStorage(node.children));
  }
}

/** `<tag a="v">inner</tag>`, or self-closing when empty and conventionally so. */
export function element(tag: string, attrs: readonly [string, string][], inner: string): string {
  const open = '<' + tag + attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  if (inner === '' && (SELF_CLOSING.has(tag) || tag.includes(':'))) return open + ' />';
  return `${open}>${inner}</${tag}>`;
}

/** A CDATA section; `]]>` inside is split the standard way. */
export function cdata(text: string): string {
  return '<![CDATA[' + text.split(']]>').join(']]]]><![CDATA[>') + ']]>';
}

/** Escapes character data. */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');
}

function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** The value of an attribute, if present. */
export function attr(node: XmlNode, name: string): string | undefined {
  return node.kind === 'element' ? node.attrs.find(([k]) => k === name)?.[1] : undefined;
}

/** Concatenated text of a subtree. */
export function xmlText(node: XmlNode): string {
  if (node.kind === 'text' || node.kind === 'cdata') return node.text;
  if (node.kind === 'comment') return '';
  return node.children.map(xmlText).join('');
}

/**
 * The documented normal form storage round trips are compared in: the fragment re-serialised by
 * `serializeStorage` (character references become characters except `&nbsp;`, empty namespaced
 * elements self-close, CDATA sections are merged and re-split) without whitespace-only text between
 * top-level blocks.
 */
export function canonicalStorage(storage: string): string {
  return serializeStorage(parseStorage(storage).filter((node) => node.kind !== 'text' || node.text.trim() !== ''));
}
