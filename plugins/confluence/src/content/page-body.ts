import { coreServices, inject, Service, type RichTextService, type SectionEditInput } from '@atlassian-mcp/core';
import { ConfluenceUsers } from '../client/confluence-users.js';

type CheckedMentions = Awaited<ReturnType<RichTextService['resolveMentions']>>;

const ACCOUNT_ID = /ri:account-id="([^"]+)"/g;

/** The key a Confluence document is remembered under between reads and writes (core's `source`). */
export const confluenceDocument = {
  /** A page or blog post (they share one id space); an older version is a document of its own. */
  page: (id: string, version?: number) => `confluence:page:${id}${version ? `:v${version}` : ''}`,
  comment: (id: string) => `confluence:comment:${id}`,
};

/**
 * Page and comment bodies through core's lossless converter: storage on the wire, Markdown for
 * the model. Everything the model did not edit — macros, layouts, inline-comment markers, task
 * ids — is written back from the document as it is now. Reads name their document, so Markdown
 * read from one page can be written into another with its macros and mentions; mentions no read
 * document has are checked with Confluence's people search.
 */
@Service()
export class PageBody {
  constructor(
    @inject(coreServices.content) private readonly content: RichTextService,
    @inject(ConfluenceUsers) private readonly users: ConfluenceUsers,
  ) {}

  /** Storage → Markdown, remembered as `source` for this connection. */
  toMarkdown(storage: string | undefined, names: ReadonlyMap<string, string> = new Map(), source?: string): string {
    return this.content.storageToMarkdown(storage ?? '', { users: (id) => names.get(id), source }).trim();
  }

  /** The account ids a body mentions (to look their names up in one request). */
  mentions(storage: string | undefined): string[] {
    return [...new Set([...(storage ?? '').matchAll(ACCOUNT_ID)].map((m) => m[1]!))];
  }

  /** Markdown → storage for new content (what was copied from documents read in this session keeps its nodes). */
  async toStorage(markdown: string, source?: string): Promise<string> {
    const mentions = await this.checkMentions(markdown, source);
    return this.content.markdownToStorage(markdown, { source, mentions });
  }

  /**
   * Markdown replacing `current` (the document `source` names): placeholders resolve against it
   * and unchanged blocks come back verbatim. `names` must be those it was read with.
   */
  async rewrite(
    current: string,
    markdown: string,
    names: ReadonlyMap<string, string> = new Map(),
    source?: string,
  ): Promise<string> {
    const mentions = await this.checkMentions(markdown, source);
    return this.content.markdownToStorage(markdown, {
      base: current,
      users: (id) => names.get(id),
      source,
      mentions,
    });
  }

  /** One section replaced, or Markdown appended/prepended: every other block untouched. */
  async edit(
    current: string,
    edit: SectionEditInput,
    names: ReadonlyMap<string, string> = new Map(),
    source?: string,
  ): Promise<string> {
    const mentions = await this.checkMentions('markdown' in edit ? edit.markdown : '', source);
    return this.content.editStorageSection(current, edit, { users: (id) => names.get(id), source, mentions });
  }

  /** Storage given as is (the escape hatch): checked for well-formedness, sent unchanged. */
  raw(storage: string): string {
    return this.content.parseRawStorage(storage);
  }

  /** Mentions in the Markdown that no document read in this session has, checked by name. */
  private checkMentions(markdown: string, source?: string): Promise<CheckedMentions> {
    return this.content.resolveMentions(
      markdown,
      {
        search: async (query) =>
          (await this.users.search(query, 10)).flatMap((u) =>
            u.accountId ? [{ accountId: u.accountId, displayName: u.displayName ?? u.publicName ?? u.accountId }] : [],
          ),
      },
      { source },
    );
  }
}
