import { InputError } from '../plugin-api/errors.js';
import type { RichTextService } from '../plugin-api/services.js';
import { ConfluenceStorage, type StorageOptions } from './confluence-storage.js';
import { Service } from '../plugin-api/decorators.js';
import type { MediaResolver } from './adf-inline-to-mdast.js';
import { AdfMarkdownRenderer, type RenderedBlock } from './adf-to-markdown.js';
import type { AdfDoc, AdfNode } from './adf-types.js';
import { currentCall } from '../pipeline/call-scope.js';
import { ReadDocuments, type ReadDocument } from './read-documents.js';
import { PlaceholderResolver } from './placeholder-resolver.js';
import { resolveMentions, type MentionTable, type UserDirectory } from './mentions.js';
import { AdfValidator } from './adf-validator.js';
import { sanitizeAdfContent } from './adf-sanitize.js';
import { MarkdownAdfConverter } from './markdown-to-adf.js';
import { NodeIds } from './node-ids.js';
import { inheritInPlace } from './adf-inherit.js';
import {
  adfBlockModel,
  applySectionEdit,
  countAdfText,
  replaceAdfText,
  sectionEditSchema,
  type SectionEdit,
} from './section-edit.js';

/** Options for reading ADF as Markdown. */
export interface AdfToMarkdownOptions {
  /** Names (and URLs) for media nodes, e.g. from the issue's `attachment` field. */
  media?: MediaResolver;
  /**
   * Which document this is (`jira:PROJ-1:description`): the read is remembered for the calling
   * connection, so its Markdown can be written into another document and keep its rich nodes.
   */
  source?: string;
}

/** Options for writing Markdown as ADF. */
export interface MarkdownToAdfOptions {
  /** The document as it is now: placeholders resolve against it, unchanged blocks come back as they were. */
  base?: AdfDoc;
  media?: MediaResolver;
  /** Which document is written (as given when it was read): its own earlier reads are not another document. */
  source?: string;
  /** Mentions checked against the product's user directory (`resolveMentions`). */
  mentions?: MentionTable;
}

/**
 * Rich text for plugins: Atlassian Document Format and Confluence storage ⇄ Markdown the model
 * reads and writes, losslessly (see `PLACEHOLDER_SYNTAX`), plus section edits and a schema guard.
 * Registered in the root container as `coreServices.content`.
 */
@Service()
export class RichText implements RichTextService {
  private readonly validator: AdfValidator = new AdfValidator();
  private readonly storage: ConfluenceStorage = new ConfluenceStorage();
  /** What each connection read recently (per host; never shared between connections). */
  private readonly read = new ReadDocuments();

  /** ADF → Markdown (GFM + placeholders). `null`/`undefined` give `''`. */
  adfToMarkdown(doc: AdfDoc | null | undefined, options: AdfToMarkdownOptions = {}): string {
    if (doc === null || doc === undefined) return '';
    const content = sanitizeAdfContent((doc as { content?: unknown }).content);
    const ids = new NodeIds(content);
    const verify = MarkdownAdfConverter.verifier(content, options.media, ids);
    const blocks = new AdfMarkdownRenderer({ ids, media: options.media, verify }).renderFlow(content);
    this.remember(options.source, 'adf', content, blocks);
    return blocks.map((b) => b.markdown).join('\n\n');
  }

  /**
   * Markdown → ADF, validated against the ADF schema (`InputError` naming the deepest failing path).
   * With `base` (the document as it is now), placeholders resolve against it and unchanged blocks
   * come back byte for byte; a placeholder whose node changed meanwhile is a `ConflictError`.
   */
  markdownToAdf(markdown: string, options: MarkdownToAdfOptions = {}): AdfDoc {
    const doc = new MarkdownAdfConverter({ ...options, others: this.others() }).convert(markdown);
    this.validator.assertValid(doc);
    return doc;
  }

  /** Applies a section edit to an ADF document; the result is validated. */
  editAdfSection(current: AdfDoc, edit: SectionEdit, options: Omit<MarkdownToAdfOptions, 'base'> = {}): AdfDoc {
    const parsed = parseEdit(edit);
    let doc: AdfDoc;
    if (parsed.op === 'find_replace') {
      const found = current.content.reduce((sum, block) => sum + countAdfText(block, parsed.find), 0);
      if (found === 0) throw new InputError(`"${parsed.find}" does not occur in the document's text.`);
      if (found > 1 && parsed.all !== true)
        throw new InputError(
          `"${parsed.find}" occurs ${found} times; make "find" longer to pick one, or set all: true.`,
        );
      const budget = { left: parsed.all === true ? Number.POSITIVE_INFINITY : 1 };
      doc = {
        ...current,
        content: current.content.map((block) => replaceAdfText(block, parsed.find, parsed.replace, budget).node),
      };
    } else {
      const convert = (md: string) =>
        new MarkdownAdfConverter({ ...options, base: current, reuseBlocks: false, others: this.others() }).convert(md)
          .content;
      const edited = applySectionEdit(current.content, parsed, adfBlockModel, convert);
      doc = { ...current, content: inheritInPlace(current.content, edited) };
    }
    this.validator.assertValid(doc);
    return doc;
  }

  /** Throws `InputError` (deepest failing path) unless `doc` is schema-valid ADF. */
  validateAdf(doc: unknown): asserts doc is AdfDoc {
    this.validator.assertValid(doc);
  }

  /** The raw escape hatch: ADF given as JSON text or an object, parsed and validated. */
  parseRawAdf(json: string | object): AdfDoc {
    let value: unknown = json;
    if (typeof json === 'string') {
      try {
        value = JSON.parse(json);
      } catch (error) {
        throw new InputError(`ADF is not valid JSON: ${(error as Error).message}.`, { cause: error });
      }
    }
    this.validator.assertValid(value);
    return value;
  }

  /** Confluence storage (XHTML) → Markdown. `null`/`undefined` give `''`. */
  storageToMarkdown(storage: string | null | undefined, options: StorageOptions = {}): string {
    if (storage === null || storage === undefined || storage === '') return '';
    const blocks = this.storage.read(storage, options);
    this.remember(
      options.source,
      'storage',
      blocks.map((b) => b.node),
      blocks,
    );
    return blocks.map((b) => b.markdown).join('\n\n');
  }

  /**
   * Markdown → Confluence storage (well-formed, canonical forms). With `base` (the page's current
   * storage) placeholders resolve against it and unchanged blocks come back as they were.
   */
  markdownToStorage(markdown: string, options: StorageOptions & { base?: string } = {}): string {
    return this.storage.fromMarkdown(markdown, { ...options, others: this.others() });
  }

  /** Applies a section edit to a storage document. */
  editStorageSection(current: string, edit: SectionEdit, options: StorageOptions = {}): string {
    return this.storage.edit(current, parseEdit(edit), { ...options, others: this.others() });
  }

  /**
   * Checks the mentions Markdown writes that no document at hand has (a made-up account id, a bare
   * `⟦@Name⟧`) against the product's people search: each resolves to one person by name, or the
   * write is refused with the candidates. Pass the result as `mentions` to the write.
   */
  async resolveMentions(
    markdown: string,
    users: UserDirectory,
    options: { base?: AdfDoc; source?: string } = {},
  ): Promise<MentionTable> {
    const resolver = new PlaceholderResolver(options.base, { others: this.others(), target: options.source });
    return resolveMentions(markdown, users, resolver);
  }

  private remember(
    source: string | undefined,
    format: 'adf' | 'storage',
    content: readonly AdfNode[],
    blocks: readonly RenderedBlock[],
  ): void {
    const connection = currentCall()?.connection;
    if (connection !== undefined && content.length > 0) this.read.remember(connection, source, format, content, blocks);
  }

  /** The documents the calling connection read (none outside a tool call). */
  private others(): ReadDocument[] {
    const connection = currentCall()?.connection;
    return connection === undefined ? [] : this.read.recent(connection);
  }

  /** The raw escape hatch for storage: checks well-formedness (`InputError`) and returns it unchanged. */
  parseRawStorage(storage: string): string {
    return this.storage.parseRaw(storage);
  }
}

function parseEdit(edit: unknown): SectionEdit {
  const result = sectionEditSchema.safeParse(edit);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new InputError(`Invalid section edit${issue ? ` at ${issue.path.join('.') || 'op'}: ${issue.message}` : ''}.`, {
    hint: 'Use op replace_section | insert_after_section | insert_before_section (with heading, markdown), append | prepend (markdown), or find_replace (find, replace).',
  });
}
