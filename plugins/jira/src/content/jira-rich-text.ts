import {
  coreServices,
  emptyAdfDoc,
  inject,
  Service,
  type AdfDoc,
  type MediaResolver,
  type RichTextService,
} from '@atlassian-mcp/core';

/** An attachment a media node may point at. */
export interface AttachmentRef {
  id?: string;
  filename?: string;
}

/** Jira's rich text (descriptions, comments, worklog comments) through core's lossless converter. */
@Service()
export class JiraRichText {
  constructor(@inject(coreServices.content) private readonly content: RichTextService) {}

  /** ADF → Markdown; media nodes name the issue attachment they show. Empty → undefined. */
  toMarkdown(doc: unknown, attachments: AttachmentRef[] = []): string | undefined {
    if (doc === null || doc === undefined) return undefined;
    if (typeof doc === 'string') return doc.trim() || undefined;
    const text = this.content.adfToMarkdown(doc as AdfDoc, { media: mediaResolver(attachments) }).trim();
    return text === '' ? undefined : text;
  }

  /** Raw ADF given by a power user (object or JSON text), schema-checked before it is sent. */
  raw(doc: string | object): AdfDoc {
    return this.content.parseRawAdf(doc);
  }

  /** Markdown → ADF for new content. */
  toAdf(markdown: string): AdfDoc {
    return this.content.markdownToAdf(markdown);
  }

  /**
   * Markdown → ADF replacing `current`: placeholders the model kept come back byte for byte.
   * Pass the attachments used for reading, so blocks showing media come back verbatim too.
   */
  rewrite(current: unknown, markdown: string, attachments: AttachmentRef[] = []): AdfDoc {
    return this.content.markdownToAdf(markdown, {
      base: isDoc(current) ? current : undefined,
      media: mediaResolver(attachments),
    });
  }

  /** Replaces the body of one section of `current`, leaving every other node untouched. */
  replaceSection(current: unknown, heading: string, markdown: string, attachments: AttachmentRef[] = []): AdfDoc {
    return this.content.editAdfSection(
      isDoc(current) ? current : emptyAdfDoc(),
      { op: 'replace_section', heading, markdown },
      { media: mediaResolver(attachments) },
    );
  }

  /** Whether a document shows media (so writing it back needs the attachments). */
  hasMedia(doc: unknown): boolean {
    return JSON.stringify(doc ?? null).includes('"type":"media"');
  }
}

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
