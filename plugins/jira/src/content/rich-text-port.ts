import * as z from 'zod';

/** An Atlassian Document Format document. */
export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: unknown[];
}

/** A change to one part of a document, addressed by its heading. */
export const sectionEditSchema = z.object({
  heading: z.string().min(1).describe('Heading text of the section'),
  action: z.enum(['replace', 'insertAfter', 'insertBefore', 'append', 'delete']).default('replace'),
  markdown: z.string().default(''),
});
export type SectionEdit = z.infer<typeof sectionEditSchema>;

/** The slice of core's `RichText` the Jira plugin uses (ADF ⇄ Markdown, section edits). */
export interface JiraRichText {
  adfToMarkdown(doc: unknown, options?: { media?: Record<string, string> }): string | Promise<string>;
  markdownToAdf(markdown: string, options?: { base?: unknown }): AdfDoc | Promise<AdfDoc>;
  editAdfSection(doc: unknown, edit: SectionEdit): AdfDoc | Promise<AdfDoc>;
}
