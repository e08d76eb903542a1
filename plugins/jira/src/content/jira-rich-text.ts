import {
  coreServices,
  emptyAdfDoc,
  inject,
  Service,
  type AdfDoc,
  type MediaResolver,
  type RichTextService,
} from '@atlassian-mcp/core';
import { JiraUsers } from '../client/jira-users.js';

/** An attachment a media node may point at. */
export interface AttachmentRef {
  id?: string;
  filename?: string;
}

/**
 * Jira's rich text (descriptions, comments, worklog comments) through core's lossless converter.
 * Reads name their document (`source`), so Markdown read from one issue can be written into
 * another with its panels, statuses and mentions; writes check mentions against Jira's people.
 */
@Service()
export class JiraRichText {
  constructor(
    @inject(coreServices.content) private readonly content: RichTextService,
    @inject(JiraUsers) private readonly users: JiraUsers,
  ) {}

  /** ADF → Markdown; media nodes name the issue attachment they show. Empty → undefined. */
  toMarkdown(doc: unknown, attachments: AttachmentRef[] = [], source?: string): string | undefined {
    if (doc === null || doc === undefined) return undefined;
    if (typeof doc === 'string') return doc.trim() || undefined;
    const text = this.content.adfToMarkdown(doc as AdfDoc, { media: mediaResolver(attachments), source }).trim();
    return text === '' ? undefined : text;
  }

  /** Raw ADF given by a power user (object or JSON text), schema-checked before it is sent. */
  raw(doc: string | object): AdfDoc {
    return this.content.parseRawAdf(doc);
  }

  /** Markdown → ADF for new content (content copied from documents read in this session keeps its nodes). */
  async toAdf(markdown: string): Promise<AdfDoc> {
    const mentions = await this.content.resolveMentions(markdown, this.directory());
    return this.content.markdownToAdf(markdown, { mentions });
  }

  /**
   * Markdown → ADF replacing `current` (the document `source` names): placeholders the model kept
   * come back byte for byte. Pass the attachments used for reading, so blocks showing media come
   * back verbatim too.
   */
  async rewrite(
    current: unknown,
    markdown: string,
    attachments: AttachmentRef[] = [],
    source?: string,
  ): Promise<AdfDoc> {
    const base = isDoc(current) ? current : undefined;
    const mentions = await this.content.resolveMentions(markdown, this.directory(), { base, source });
    return this.content.markdownToAdf(markdown, { base, media: mediaResolver(attachments), source, mentions });
  }

  /** `markdown` as the whole of `current`, or as the body of its `section` when one is named. */
  edit(
    current: unknown,
    markdown: string,
    section: string | undefined,
    attachments: AttachmentRef[],
    source: string,
  ): Promise<AdfDoc> {
    return section === undefined
      ? this.rewrite(current, markdown, attachments, source)
      : this.replaceSection(current, section, markdown, attachments, source);
  }

  /** Replaces the body of one section of `current`, leaving every other node untouched. */
  async replaceSection(
    current: unknown,
    heading: string,
    markdown: string,
    attachments: AttachmentRef[] = [],
    source?: string,
  ): Promise<AdfDoc> {
    const base = isDoc(current) ? current : emptyAdfDoc();
    const mentions = await this.content.resolveMentions(markdown, this.directory(), { base, source });
    return this.content.editAdfSection(
      base,
      { op: 'replace_section', heading, markdown },
      { media: mediaResolver(attachments), source, mentions },
    );
  }

  /** Whether a document shows media (so writing it back needs the issue's attachments). */
  hasMedia(doc: unknown): boolean {
    return JSON.stringify(doc ?? null).includes('"type":"media"');
  }

  /** Jira's people search, for mentions no document at hand has. */
  private directory() {
    return {
      search: async (query: string) =>
        (await this.users.search(query, 10)).flatMap((u) =>
          u.accountId ? [{ accountId: u.accountId, displayName: u.displayName ?? u.accountId }] : [],
        ),
    };
  }
}

/** The key a Jira document is remembered under between reads and writes. */
export const jiraDocument = {
  description: (issueKey: string) => `jira:${issueKey.toUpperCase()}:description`,
  field: (issueKey: string, fieldId: string) => `jira:${issueKey.toUpperCase()}:${fieldId}`,
  comment: (commentId: string) => `jira:comment:${commentId}`,
  worklog: (worklogId: string) => `jira:worklog:${worklogId}`,
};

function isDoc(value: unknown): value is AdfDoc {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'doc';
}

function mediaResolver(attachments: AttachmentRef[]): MediaResolver | undefined {
  if (attachments.length === 0) return undefined;
  return (attrs) => {
    const alt = typeof attrs.alt === 'string' ? attrs.alt : undefined;
    const hit =
      attachments.find((a) => a.filename !== undefined && a.filename === alt) ??
      attachments.find((a) => a.id !== undefined && a.id === attrs.id);
    return hit?.filename ? { name: hit.filename, url: `jira://attachment/${hit.id}` } : undefined;
  };
}
