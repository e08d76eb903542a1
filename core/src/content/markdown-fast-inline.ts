import type { PhrasingContent } from 'mdast';
import type { Token } from 'markdown-it';

/*
 * The fast parser's text (see markdown-fast-parse.ts): markdown-it's inline tokens as the mdast
 * micromark gives, or undefined where micromark may read the text differently.
 */

/**
 * micromark's to read: footnote calls, emphasis markers next to a symbol or space beyond ASCII
 * (emoji, ©, no-break space: the two parsers class them differently), and runs of three or more
 * (the rule of three).
 */
const UNSUPPORTED = /\[\^|[*_~][^\0-\x7f\p{L}\p{N}\p{P}]|[^\0-\x7f\p{L}\p{N}\p{P}][*_~]|\*{3}|_{3}/u;
/** What GFM's autolink literal may take for an email address. */
const EMAIL = /[A-Za-z0-9+_.-]@[A-Za-z0-9_-]/;
/** Visible text GFM's autolink literal might turn into a link. */
const LITERAL_LINK = /www\.|https?:\/\//i;
/** A placeholder body markdown-it reads as plain text (micromark reads the body as one token). */
const PLACEHOLDER = /\u27e6([^\\`*_[\]<&~\n\u27e6\u27e7]{1,2000})\u27e7/g;

/**
 * The labels a document defines links for (markdown-it's normalised form). A bracket holding one
 * may be a reference, which mdast keeps as one and markdown-it resolves.
 */
export interface LinkLabels {
  labels: ReadonlySet<string>;
  normalize: (label: string) => string;
}

/** Phrasing content of an `inline` token (undefined: micromark's to read). */
export function inlineToMdast(token: Token, defined: LinkLabels | undefined): PhrasingContent[] | undefined {
  const raw = token.content;
  // An address in angle brackets is an autolink to both parsers, never GFM's literal one.
  if (
    UNSUPPORTED.test(raw) ||
    bothFlanking(raw) ||
    !tildesAgree(raw) ||
    (defined !== undefined && mayReference(raw, defined))
  )
    return undefined;
  const root: PhrasingContent[] = [];
  const stack: PhrasingContent[][] = [root];
  const autolinks = new Set<PhrasingContent>();
  let emails = 0;
  for (const child of token.children ?? []) {
    const into = stack[stack.length - 1]!;
    switch (child.type) {
      case 'text':
        if (child.content === '') break;
        appendText(into, child.content);
        break;
      case 'softbreak':
        appendText(into, '\n');
        break;
      case 'hardbreak':
        into.push({ type: 'break' });
        break;
      case 'code_inline':
        // micromark keeps a code span's line endings; markdown-it turns them into spaces.
        if (raw.includes('\n')) return undefined;
        into.push({ type: 'inlineCode', value: child.content });
        break;
      case 'html_inline':
        into.push({ type: 'html', value: child.content });
        break;
      case 'image': {
        // micromark pairs emphasis in an image's label differently (its alt is plain text anyway).
        if (/[*_]/.test(child.content)) return undefined;
        const alt = inlineToMdast(child, defined);
        if (alt === undefined) return undefined;
        into.push({
          type: 'image',
          title: attribute(child, 'title'),
          url: attribute(child, 'src') ?? '',
          alt: text(alt),
        });
        break;
      }
      case 'em_open':
      case 'strong_open':
      case 's_open': {
        const children: PhrasingContent[] = [];
        const type = child.type === 'em_open' ? 'emphasis' : child.type === 'strong_open' ? 'strong' : 'delete';
        into.push({ type, children });
        stack.push(children);
        break;
      }
      case 'link_open': {
        if (child.markup === 'linkify') return undefined;
        const children: PhrasingContent[] = [];
        const link: PhrasingContent = {
          type: 'link',
          title: attribute(child, 'title'),
          url: attribute(child, 'href') ?? '',
          children,
        };
        if (child.markup === 'autolink') {
          autolinks.add(link);
          emails += count(String(child.attrGet('href')), '@');
        }
        into.push(link);
        stack.push(children);
        break;
      }
      case 'em_close':
      case 'strong_close':
      case 's_close':
      case 'link_close':
        stack.pop();
        break;
      default:
        return undefined; // anything new
    }
  }
  // An address is fine in an autolink (`<a@b.co>`), never GFM's literal one.
  if (stack.length !== 1 || (EMAIL.test(raw) && count(raw, '@') !== emails)) return undefined;
  const nodes = raw.includes('\u27e6') || raw.includes('\u27e7') ? withPlaceholders(root, raw, autolinks) : root;
  return nodes !== undefined && !mayLinkLiterally(nodes, autolinks) ? nodes : undefined;
}

/** Whether text (outside autolinks and placeholders) holds what GFM's autolink literal might link. */
function mayLinkLiterally(nodes: PhrasingContent[], autolinks: ReadonlySet<PhrasingContent>): boolean {
  return nodes.some((node) =>
    node.type === 'text'
      ? LITERAL_LINK.test(node.value)
      : 'children' in node && !autolinks.has(node) && mayLinkLiterally(node.children as PhrasingContent[], autolinks),
  );
}

/**
 * Whether a run of `*` or `_` may both open and close emphasis (in a word, or between punctuation):
 * the rule of three then decides, and the two parsers apply it differently.
 */
function bothFlanking(raw: string): boolean {
  for (const match of raw.matchAll(/[*_]+/g)) {
    const before = raw[match.index - 1];
    const after = raw[match.index + match[0].length];
    if (before === undefined || after === undefined || /\s/.test(before) || /\s/.test(after)) continue;
    if (isPunctuation(before) === isPunctuation(after)) return true;
  }
  return false;
}

function isPunctuation(character: string): boolean {
  return /[!-/:-@[-`{-~]|\p{P}/u.test(character);
}

function mayReference(raw: string, defined: LinkLabels): boolean {
  if (!raw.includes('[')) return false;
  for (const label of defined.labels) if (/[[\]\\]/.test(label)) return true;
  for (const match of raw.matchAll(/\[([^[\]]*)\]/g)) if (defined.labels.has(defined.normalize(match[1]!))) return true;
  return false;
}

/**
 * micromark's strikethrough pairs runs of one or two tildes; markdown-it's, runs of two (and a
 * longer run as several). They agree when every run is two tildes, or there is one lone tilde,
 * and no tilde touches an emphasis marker.
 */
function tildesAgree(raw: string): boolean {
  if (!raw.includes('~')) return true;
  // With GFM, micromark lets `*`/`_` next to a tilde open or close as next to a space.
  if (/[*_]~|~[*_]/.test(raw)) return false;
  const runs = raw.match(/~+/g)!;
  return runs.every((run) => run.length === 2) || (runs.length === 1 && runs[0] === '~');
}

/** Splits `⟦…⟧` out of text nodes; undefined unless every bracket in the source is one of them. */
function withPlaceholders(
  root: PhrasingContent[],
  raw: string,
  autolinks: ReadonlySet<PhrasingContent>,
): PhrasingContent[] | undefined {
  let found = 0;
  const split = (nodes: PhrasingContent[]): PhrasingContent[] => {
    const out: PhrasingContent[] = [];
    for (const node of nodes) {
      if (node.type === 'text' && node.value.includes('\u27e6')) {
        let last = 0;
        for (const match of node.value.matchAll(PLACEHOLDER)) {
          if (!raw.includes(match[0])) found = Number.NaN; // an entity or escape decoded into it
          if (match.index > last) out.push({ type: 'text', value: node.value.slice(last, match.index) });
          out.push({ type: 'placeholder', value: match[1]! });
          last = match.index + match[0].length;
          found++;
        }
        if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
      } else {
        // An autolink's text is its address, brackets and all.
        if ('children' in node && !autolinks.has(node))
          node.children = split(node.children as PhrasingContent[]) as never;
        out.push(node);
      }
    }
    return out;
  };
  const result = split(root);
  const opens = raw.split('\u27e6').length - 1;
  const closes = raw.split('\u27e7').length - 1;
  return found === opens && found === closes ? result : undefined;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

function attribute(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
}

/** mdast-util-to-string of phrasing content: what micromark makes an image's alt. */
function text(nodes: PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    if ('value' in node) out += node.value;
    else if (node.type === 'image') out += node.alt ?? '';
    else if ('children' in node) out += text(node.children as PhrasingContent[]);
  }
  return out;
}

function appendText(into: PhrasingContent[], value: string): void {
  const tail = into[into.length - 1];
  if (tail?.type === 'text') tail.value += value;
  else into.push({ type: 'text', value });
}
