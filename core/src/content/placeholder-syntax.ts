import type {
  Code,
  Construct,
  Effects,
  Extension as MicromarkExtension,
  State,
  TokenizeContext,
} from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Options as ToMarkdownExtension } from 'mdast-util-to-markdown';
import type { Literal } from 'mdast';

/**
 * The placeholder syntax, in one place, cheap enough to quote in a tool description.
 * Plugins: mention `PLACEHOLDER_SYNTAX` wherever a tool accepts or returns rich-text Markdown.
 */
export const PLACEHOLDER_SYNTAX =
  'Rich text is GitHub Markdown. ⟦…⟧ placeholders stand for what Markdown cannot show (status, ' +
  'dates, panels, macros, media, colours…): keep, move or delete each as a whole; keep its ^id. ' +
  'You may change the text of ⟦status …⟧, ⟦date …⟧, a panel type or an expand title; the body ' +
  'between ⟦panel info⟧ … ⟦/panel⟧ is normal Markdown. New: ⟦status:green Done⟧, ⟦date 2026-01-31⟧, ' +
  '⟦panel warning⟧…⟦/panel⟧, ⟦expand Title⟧…⟦/expand⟧. Mentions: ⟦@Name⟧ or [@Name](accountid:ID).';

const OPEN = 0x27e6; // ⟦
const CLOSE = 0x27e7; // ⟧
const BACKSLASH = 0x5c;

/** The first character of every placeholder. */
export const PLACEHOLDER_OPEN = '⟦';
/** The last character of every placeholder. */
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
    if (isEnd(code) || code === CLOSE) return nok(code);
    effects.enter('placeholderValue');
    return inside(code);
  };
  const inside: State = (code: Code) => {
    // No line endings (code < 0 covers micromark's virtual line-ending codes), no nesting.
    if (isEnd(code) || code === OPEN || size > 2000) return nok(code);
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
    if (isEnd(code)) return nok(code);
    effects.consume(code);
    size++;
    return inside;
  };
  return start;
}

/** End of input or a line ending (micromark's virtual codes: -5 CR, -4 LF, -3 CRLF; -2/-1 are tabs). */
function isEnd(code: Code): boolean {
  return code === null || code === -5 || code === -4 || code === -3 || code === 10 || code === 13;
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

/** Escapes free text for use as a placeholder argument (`\⟧`, `\|`, `\n` for a line break, …). */
export function escapePlaceholderText(text: string): string {
  return text.replace(/[\\⟧⟦^|\r\n]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\' + c));
}

/** Inverse of `escapePlaceholderText`. */
export function unescapePlaceholderText(text: string): string {
  return text.replace(/\\(.)/gsu, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
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
  // Exact inverse of placeholderBody: one space after the kind, the argument verbatim (titles and
  // texts may start or end with whitespace), `^id` directly after it.
  let rest = raw;
  let id: string | undefined;
  let caret = -1;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw[i] === '^') caret = i;
  }
  if (caret !== -1 && /^[0-9a-z]{3,16}$/.test(raw.slice(caret + 1))) {
    id = raw.slice(caret + 1);
    rest = raw.slice(0, caret);
  }
  const closing = rest.startsWith('/');
  if (closing) rest = rest.slice(1);
  const space = rest.indexOf(' ');
  const kind = space === -1 ? rest : rest.slice(0, space);
  const arg = space === -1 ? '' : unescapePlaceholderText(rest.slice(space + 1));
  return { kind: kind.trim(), arg, id, closing };
}
