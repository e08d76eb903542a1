import { InputError } from '../plugin-api/errors.js';
import type { RichTextService } from '../plugin-api/services.js';
import { ConfluenceStorage, type StorageOptions } from './confluence-storage.js';
import { Service } from '../plugin-api/decorators.js';
import type { MediaResolver } from './adf-inline-to-mdast.js';
import { AdfMarkdownRenderer } from './adf-to-markdown.js';
import type { AdfDoc } from './adf-types.js';
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

  /** ADF → Markdown (GFM + placeholders). `null`/`undefined` give `''`. */
  adfToMarkdown(doc: AdfDoc | null | undefined, options: AdfToMarkdownOptions = {}): string {
    if (doc === null || doc === undefined) return '';
    const content = sanitizeAdfContent((doc as { content?: unknown }).content);
    const ids = new NodeIds(content);
    const verify = MarkdownAdfConverter.verifier(content, options.media, ids);
    return new AdfMarkdownRenderer({ ids, media: options.media, verify }).render({ content });
  }

  /**
   * Markdown → ADF, validated against the ADF schema (`InputError` naming the deepest failing path).
   * With `base` (the document as it is now), placeholders resolve against it and unchanged blocks
   * come back byte for byte; a placeholder whose node changed meanwhile is a `ConflictError`.
   */
  markdownToAdf(markdown: string, options: { base?: AdfDoc; media?: MediaResolver } = {}): AdfDoc {
    const doc = new MarkdownAdfConverter(options).convert(markdown);
    this.validator.assertValid(doc);
    return doc;
  }

  /** Applies a section edit to an ADF document; the result is validated. */
  editAdfSection(current: AdfDoc, edit: SectionEdit, options: { media?: MediaResolver } = {}): AdfDoc {
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
        new MarkdownAdfConverter({ base: current, media: options.media, reuseBlocks: false }).convert(md).content;
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
    return this.storage.toMarkdown(storage, options);
  }

  /**
   * Markdown → Confluence storage (well-formed, canonical forms). With `base` (the page's current
   * storage) placeholders resolve against it and unchanged blocks come back as they were.
   */
  markdownToStorage(markdown: string, options: StorageOptions & { base?: string } = {}): string {
    return this.storage.fromMarkdown(markdown, options);
  }

  /** Applies a section edit to a storage document. */
  editStorageSection(current: string, edit: SectionEdit, options: StorageOptions = {}): string {
    return this.storage.edit(current, parseEdit(edit), options);
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
