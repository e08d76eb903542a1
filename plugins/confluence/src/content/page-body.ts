import { coreServices, inject, Service, type RichTextService, type SectionEditInput } from '@atlassian-mcp/core';

const ACCOUNT_ID = /ri:account-id="([^"]+)"/g;

/**
 * Page bodies through core's lossless converter: storage on the wire, Markdown for the model.
 * Everything the model did not edit — macros, layouts, inline-comment markers, task ids — is
 * written back from the page as it is now.
 */
@Service()
export class PageBody {
  constructor(@inject(coreServices.content) private readonly content: RichTextService) {}

  /** Storage → Markdown; mentions read as `[@Name](accountid:…)` with the names given. */
  toMarkdown(storage: string | undefined, names: ReadonlyMap<string, string> = new Map()): string {
    return this.content.storageToMarkdown(storage ?? '', { users: (id) => names.get(id) }).trim();
  }

  /** The account ids a body mentions (to look their names up in one request). */
  mentions(storage: string | undefined): string[] {
    return [...new Set([...(storage ?? '').matchAll(ACCOUNT_ID)].map((m) => m[1]!))];
  }

  /** Markdown → storage for new content. */
  toStorage(markdown: string): string {
    return this.content.markdownToStorage(markdown);
  }

  /**
   * Markdown replacing `current`: placeholders resolve against it and unchanged blocks come back
   * verbatim. `names` must be those the page was read with: mentions are part of what a
   * placeholder's id hashes.
   */
  rewrite(current: string, markdown: string, names: ReadonlyMap<string, string> = new Map()): string {
    return this.content.markdownToStorage(markdown, { base: current, users: (id) => names.get(id) });
  }

  /** One section replaced, or Markdown appended/prepended: every other block untouched. */
  edit(current: string, edit: SectionEditInput, names: ReadonlyMap<string, string> = new Map()): string {
    return this.content.editStorageSection(current, edit, { users: (id) => names.get(id) });
  }

  /** Storage given as is (the escape hatch): checked for well-formedness, sent unchanged. */
  raw(storage: string): string {
    return this.content.parseRawStorage(storage);
  }
}
