import type { AdfNode } from './adf-types.js';

/**
 * The character an emoji node shows, when Markdown may show it as that character: a standard
 * emoji (its `text` is the character, not `:name:`) with no attributes beyond name, id and text.
 */
export function emojiCharacter(node: AdfNode): string | undefined {
  const attrs = node.attrs ?? {};
  const text = attrs.text;
  if (typeof text !== 'string' || text === '' || text.startsWith(':') || /[\w\s⟦⟧]/.test(text)) return undefined;
  if (!Object.keys(attrs).every((k) => k === 'shortName' || k === 'id' || k === 'text' || k === 'localId'))
    return undefined;
  return text;
}

/**
 * Which emoji of one document read as their character (`✅`, not `⟦emoji :white_check_mark:⟧`):
 * those whose character, written back, can only mean that node — no other emoji node shows the
 * same character with other attributes, and no text of the document contains it.
 */
export class EmojiCharacters {
  /** Character → the node it stands for (no localId), or null when the character is ambiguous. */
  private readonly table = new Map<string, AdfNode | null>();
  private readonly text: string;

  constructor(content: readonly AdfNode[]) {
    const texts: string[] = [];
    this.walk(content, texts);
    this.text = texts.join('\u0000');
    for (const char of this.table.keys()) if (this.text.includes(char)) this.table.set(char, null);
  }

  /** The character to show for this emoji node, when it reads back as exactly this node. */
  shown(node: AdfNode): string | undefined {
    const char = emojiCharacter(node);
    return char !== undefined && this.table.get(char) ? char : undefined;
  }

  /** Every character this document shows for an emoji, with the node it stands for. */
  *entries(): Iterable<[string, AdfNode]> {
    for (const [char, node] of this.table) if (node !== null) yield [char, node];
  }

  /** True when the character appears in this document, as text or as an emoji. */
  has(char: string): boolean {
    return this.table.has(char) || this.text.includes(char);
  }

  private walk(nodes: readonly AdfNode[], texts: string[]): void {
    for (const node of nodes) {
      if (typeof node.text === 'string') texts.push(node.text);
      const char = node.type === 'emoji' ? emojiCharacter(node) : undefined;
      if (char !== undefined) {
        const { localId: _localId, ...attrs } = node.attrs ?? {};
        void _localId;
        const bare: AdfNode = { type: 'emoji', attrs };
        const known = this.table.get(char);
        if (known === undefined) this.table.set(char, bare);
        else if (known !== null && flat(known) !== flat(bare)) this.table.set(char, null);
      }
      if (node.content) this.walk(node.content, texts);
    }
  }
}

/** Emoji attributes are flat: compared key by key. */
function flat(node: AdfNode): string {
  return JSON.stringify(Object.entries(node.attrs ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
