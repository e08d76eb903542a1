import { InputError } from '../plugin-api/errors.js';
import { AdfMarkdownRenderer, type RenderedBlock } from './adf-to-markdown.js';
import { StorageWriter } from './adf-to-storage.js';
import type { AdfNode } from './adf-types.js';
import { MarkdownAdfConverter } from './markdown-to-adf.js';
import { NodeIds } from './node-ids.js';
import { inheritInPlace } from './adf-inherit.js';
import { adfBlockModel, applySectionEdit, countAdfText, replaceAdfText, type SectionEdit } from './section-edit.js';
import { assertWellFormedStorage, parseStorage } from './storage-xml.js';
import { storageToAdf, type StorageAdf } from './storage-to-adf.js';
import type { ReadDocument } from './read-documents.js';
import type { MentionTable } from './mentions.js';

/** Display names for account ids (storage user links carry only the id). */
export type StorageUserNames = (accountId: string) => string | undefined;

/** Options of the storage conversions. */
export interface StorageOptions {
  /** Display names for `<ri:user>` links, so mentions read `⟦@Jane Doe⟧`. */
  users?: StorageUserNames;
  /** Which page this is (`confluence:page:123`): reads are remembered, writes know their own. */
  source?: string;
  /** Mentions checked against the product's user directory (`resolveMentions`). */
  mentions?: MentionTable;
}

/** @internal What the converters need besides the public options. */
interface InternalOptions extends StorageOptions {
  /** Documents read on this connection (content copied from them resolves). */
  others?: readonly ReadDocument[];
}

/*
 * Which format should the Confluence plugin write: storage or ADF? Confluence v2 accepts both.
 * Decision: **storage** — read with `body-format=storage`, write `representation: "storage"`.
 * Measured 2026-11-25 on this module's golden corpus (core/test/fixtures/content), Node 20, shared
 * 2-core machine:
 * - Fidelity (decisive): storage is what Confluence stores. Every macro (toc, jira, children,
 *   excerpt, user macros…), image, page/attachment link, layout and inline-comment marker in the
 *   25-page storage corpus comes back exactly (unchanged blocks are written from their source
 *   element; the golden test asserts it). Through ADF, legacy macros become `extension` nodes
 *   whose parameters a model cannot edit, and Confluence converts ADF back to storage on save,
 *   so a write in ADF is a lossy round trip we do not control.
 * - Size: the 43 ADF corpus documents are 29,239 bytes as ADF JSON and 15,332 bytes as the same
 *   content in storage (ADF is 1.9× larger on the wire).
 * - Speed (our converter, per 50 KB of source): storage → Markdown ~180 ms vs ADF → Markdown
 *   ~80 ms; write-back ~440 ms vs ~230 ms. Storage is slower (XML parse, kept elements) but well
 *   inside a tool call's budget, and fidelity matters more.
 * ADF remains right for Jira (its only rich format). Callers holding ADF can still send it through
 * the raw escape hatch (`RichText.parseRawAdf`).
 */

/** Confluence storage ⇄ Markdown, through the same ADF-shaped tree as Jira's rich text. */
export class ConfluenceStorage {
  /** Storage → Markdown. */
  toMarkdown(storage: string, options: StorageOptions = {}): string {
    return this.read(storage, options)
      .map((b) => b.markdown)
      .join('\n\n');
  }

  /** Storage → its blocks, each with its Markdown (what copied placeholders resolve against). */
  read(storage: string, options: StorageOptions = {}): RenderedBlock[] {
    const { doc } = this.parse(storage, options);
    const ids = new NodeIds(doc.content);
    const verify = MarkdownAdfConverter.verifier(doc.content, undefined, ids);
    return new AdfMarkdownRenderer({ ids, verify }).renderFlow(doc.content);
  }

  /** Markdown → storage; with `base` (the page's current storage) placeholders resolve and unchanged blocks come back as they were. */
  fromMarkdown(markdown: string, options: InternalOptions & { base?: string; reuseBlocks?: boolean } = {}): string {
    const base = options.base === undefined ? undefined : this.parse(options.base, options);
    const adf = new MarkdownAdfConverter({
      base: base?.doc,
      reuseBlocks: options.reuseBlocks,
      forStorage: true,
      others: options.others,
      source: options.source,
      mentions: options.mentions,
    }).convert(markdown);
    return this.write(adf.content, base);
  }

  /** A section edit on storage. */
  edit(storage: string, edit: SectionEdit, options: InternalOptions = {}): string {
    const current = this.parse(storage, options);
    let blocks: AdfNode[];
    if (edit.op === 'find_replace') {
      const found = current.doc.content.reduce((sum, block) => sum + countAdfText(block, edit.find), 0);
      if (found === 0) throw new InputError(`"${edit.find}" does not occur in the page's text.`);
      if (found > 1 && edit.all !== true)
        throw new InputError(`"${edit.find}" occurs ${found} times; make "find" longer to pick one, or set all: true.`);
      const budget = { left: edit.all === true ? Number.POSITIVE_INFINITY : 1 };
      blocks = current.doc.content.map((block) => replaceAdfText(block, edit.find, edit.replace, budget).node);
    } else {
      const convert = (md: string) =>
        new MarkdownAdfConverter({
          base: current.doc,
          reuseBlocks: false,
          forStorage: true,
          others: options.others,
          source: options.source,
          mentions: options.mentions,
        }).convert(md).content;
      blocks = inheritInPlace(current.doc.content, applySectionEdit(current.doc.content, edit, adfBlockModel, convert));
    }
    return this.write(blocks, current);
  }

  /** The raw escape hatch: storage XHTML checked for well-formedness and returned unchanged. */
  parseRaw(storage: string): string {
    assertWellFormedStorage(storage);
    parseStorage(storage);
    return storage;
  }

  private parse(storage: string, options: StorageOptions): StorageAdf {
    const result = storageToAdf(storage);
    if (options.users !== undefined) nameMentions(result.doc.content, options.users);
    return result;
  }

  private write(blocks: readonly AdfNode[], base: StorageAdf | undefined): string {
    const storage = new StorageWriter(base?.source).write(blocks);
    assertWellFormedStorage(storage);
    return storage;
  }
}

function nameMentions(nodes: AdfNode[], users: StorageUserNames): void {
  for (const node of nodes) {
    if (node.type === 'mention') {
      const name = users(String(node.attrs?.id));
      if (name !== undefined && name !== '') node.attrs = { ...node.attrs, text: '@' + name.replace(/^@/, '') };
    }
    if (node.content) nameMentions(node.content, users);
  }
}
