import type { Code, Construct, Effects, Extension as MicromarkExtension, State, TokenizeContext } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Options as ToMarkdownExtension } from 'mdast-util-to-markdown';
import type { Literal } from 'mdast';

/**
 * The placeholder syntax, in one place, cheap enough to quote in a tool description.
 * Plugins: mention `PLACEHOLDER_SYNTAX` wherever a tool accepts or returns rich-text Markdown.
 */
export const PLACEHOLDER_SYNTAX =
  'Rich text is GitHub Markdown. ⟦…⟧ placeholders stand for things Markdown cannot show ' +
  '(status, dates, panels, macros, media, colours…): keep, move or delete them as whole units; ' +
  'never edit inside one. "^id" ties a placeholder to the original; a block placeholder ' +
  '⟦panel info^a3f9⟧ … ⟦/panel⟧ wraps a body you may edit. New ones: ⟦status Done⟧, ' +
  '⟦date 2026-01-31⟧, ⟦panel warning⟧…⟦/panel⟧, ⟦expand Title⟧…⟦/expand⟧. Mentions: [@Name](accountid:ID).';

const OPEN = 0x27e6; // ⟦
const CLOSE = 0x27e7; // ⟧
const BACKSLASH = 0x5c;

/** The first and last characters of every placeholder. */
export const PLACEHOLDER_OPEN = '⟦';
export const PLACEHOLDER_CLOSE = '⟧';

/** A parsed placeholder: `⟦kind arg^id⟧` or the closing form `⟦/kind⟧`. */
export interface Placeholder {
  /** `status`, `panel`, `date`, … (for a closing marker, the kind it closes). */
  kind: string;
  /** Free text after the kind (unescaped), `''` when absent. */
  arg: string;
  /** Content id of the node in the current document, when present. */
  id?: string;
  /** True for `⟦/kind⟧`. */
  closing: boolean;
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    placeholder: 'placeholder';
    placeholderMarker: 'placeholderMarker';
    placeholderValue: 'placeholderValue';
  }
}

/** The mdast node a placeholder parses to (phrasing content; `value` is the raw, escaped body). */
export interface PlaceholderMdast extends Literal {
  type: 'placeholder';
  value: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    placeholder: PlaceholderMdast;
  }
  interface RootContentMap {
    placeholder: PlaceholderMdast;
  }
}

const placeholderConstruct: Construct = { name: 'placeholder', tokenize: tokenizePlaceholder };

function tokenizePlaceholder(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0;
  const start: State = (code: Code) => {
    effects.enter('placeholder');
    effects.enter('placeholderMarker');
    effects.consume(code);
    effects.exit('placeholderMarker');
    return first;
  };
  const first: State = (code: Code) => {
    if (code === null || code < 0 || code === CLOSE) return nok(code);
    effects.enter('placeholderValue');
    return inside(code);
  };
  const inside: State = (code: Code) => {
    // No line endings (code < 0 covers micromark's virtual line-ending codes), no nesting.
    if (code === null || code < 0 || code === 10 || code === 13 || code === OPEN || size > 2000) return nok(code);
    if (code === CLOSE) {
      effects.exit('placeholderValue');
      effects.enter('placeholderMarker');
      effects.consume(code);
      effects.exit('placeholderMarker');
      effects.exit('placeholder');
      return ok;
    }
    effects.consume(code);
    size++;
    return code === BACKSLASH ? escaped : inside;
  };
  const escaped: State = (code: Code) => {
    if (code === null || code < 0 || code === 10 || code === 13) return nok(code);
    effects.consume(code);
    size++;
    return inside;
  };
  return start;
}

/** micromark syntax extension: `⟦…⟧` on one line is a placeholder token (not inside code). */
export const placeholderMicromark: MicromarkExtension = { text: { [OPEN]: placeholderConstruct } };

/** mdast-util-from-markdown extension: the token becomes a `placeholder` phrasing node. */
export const placeholderFromMarkdown: FromMarkdownExtension = {
  enter: {
    placeholder(this: CompileContext, token: Token) {
      this.enter({ type: 'placeholder', value: '' } as never, token);
    },
  },
  exit: {
    placeholderValue(this: CompileContext, token: Token) {
      const node = this.stack[this.stack.length - 1] as unknown as PlaceholderMdast;
      node.value = this.sliceSerialize(token);
    },
    placeholder(this: CompileContext, token: Token) {
      this.exit(token);
    },
  },
};

/**
 * mdast-util-to-markdown extension: writes placeholders verbatim, and makes every `⟦` in ordinary
 * text come out as the character reference `&#x27E6;` — which parses back to the same text but
 * can never start a placeholder. That is what makes placeholders unspoofable by document content.
 */
export const placeholderToMarkdown: ToMarkdownExtension = {
  handlers: {
    placeholder: (node: PlaceholderMdast) => PLACEHOLDER_OPEN + node.value + PLACEHOLDER_CLOSE,
  } as never,
  unsafe: [{ character: PLACEHOLDER_OPEN }],
};

/** Escapes free text for use as a placeholder argument. */
export function escapePlaceholderText(text: string): string {
  return text.replace(/[\\⟧⟦^]/g, (c) => '\\' + c).replace(/[\r\n]+/g, ' ');
}

function unescapePlaceholderText(text: string): string {
  return text.replace(/\\(.)/gu, '$1');
}

/** Formats `⟦kind arg^id⟧`; `arg` is escaped here. */
export function formatPlaceholder(kind: string, arg?: string, id?: string): string {
  return PLACEHOLDER_OPEN + placeholderBody(kind, arg, id) + PLACEHOLDER_CLOSE;
}

/** The escaped body of a placeholder (without the brackets). */
export function placeholderBody(kind: string, arg?: string, id?: string): string {
  let body = kind;
  if (arg !== undefined && arg !== '') body += ' ' + escapePlaceholderText(arg);
  if (id !== undefined) body += '^' + id;
  return body;
}

/** Parses a raw (escaped) placeholder body. */
export function parsePlaceholder(raw: string): Placeholder {
  let rest = raw.trim();
  let id: string | undefined;
  const idMatch = /(?<!\\)\^([0-9a-z]{3,16})$/.exec(rest);
  if (idMatch) {
    id = idMatch[1];
    rest = rest.slice(0, idMatch.index).trimEnd();
  }
  const closing = rest.startsWith('/');
  if (closing) rest = rest.slice(1);
  const space = rest.search(/\s/);
  const kind = space === -1 ? rest : rest.slice(0, space);
  const arg = space === -1 ? '' : unescapePlaceholderText(rest.slice(space + 1).trim());
  return { kind, arg, id, closing };
}
