import { coreServices, inject, InputError, Service, type RichTextService } from '@atlassian-mcp/core';
import { adfToWiki, type WikiText } from './adf-to-wiki.js';
import { wikiToMarkdown } from './wiki-to-markdown.js';

/**
 * Text as the servicedeskapi speaks it: plain strings rendered as wiki markup, where Jira's own
 * API speaks ADF. The model writes and reads Markdown; what wiki markup cannot carry is named.
 */
@Service()
export class JsmText {
  constructor(@inject(coreServices.content) private readonly content: RichTextService) {}

  /** Markdown → the wiki text JSM stores, with what could not be carried. */
  toWiki(markdown: string): WikiText {
    if (markdown.trim() === '') throw new InputError('The text is empty', { hint: 'Give the text to write.' });
    return adfToWiki(this.content.markdownToAdf(markdown));
  }

  /** Wiki text from JSM → Markdown. */
  toMarkdown(wiki: string | undefined | null): string {
    return wikiToMarkdown(wiki);
  }
}

/** The sentence a write result adds when formatting was not carried. */
export function notCarriedNote(notCarried: string[]): string | undefined {
  return notCarried.length
    ? `Not carried (the Service Management API takes plain wiki text): ${notCarried.join('; ')}.`
    : undefined;
}
