import { inject, NotAllowedError, Service, UpstreamError } from '@atlassian-mcp/core';
import { JsmComments } from '../client/jsm-comments.js';
import { JsmRequests } from '../client/jsm-requests.js';
import { serviceDeskSettings, type ServiceDeskConfig } from '../config.js';
import { JsmText, notCarriedNote } from '../text/jsm-text.js';
import { person } from '../view/format.js';

/** A comment that was added, and who can read it. */
export type AddedComment = {
  id: string;
  issueKey: string;
  public: boolean;
  /** Who sees it, in words. */
  visibleTo: string;
  note?: string;
};

/**
 * Adds request comments with an explicit visibility: the caller always says public or internal,
 * the `internalOnly` setting refuses public ones, and the answer names who can read the comment.
 */
@Service()
export class CommentWriter {
  constructor(
    @inject(JsmComments) private readonly comments: JsmComments,
    @inject(JsmRequests) private readonly requests: JsmRequests,
    @inject(JsmText) private readonly text: JsmText,
    @inject(serviceDeskSettings) private readonly config: ServiceDeskConfig,
  ) {}

  /** Refuses a customer-visible write when the server is set to internal notes only. */
  assertPublicAllowed(what: string): void {
    if (this.config.internalOnly)
      throw new NotAllowedError(
        `${what} would be visible to the customer, and this server allows internal notes only`,
        {
          hint: 'Send it as internal (public: false), or ask the operator to turn off plugins.service-desk.internalOnly.',
        },
      );
  }

  async add(issueKey: string, markdown: string, isPublic: boolean): Promise<AddedComment> {
    if (isPublic) this.assertPublicAllowed('A public comment');
    const wiki = this.text.toWiki(markdown);
    // Who will read it, said before writing: the reporter and the participants for a public reply.
    const request = isPublic ? await this.requests.get(issueKey, ['participant']) : undefined;
    const c = await this.comments.add(issueKey, wiki.text, isPublic);
    const actual = c.public !== false;
    if (actual !== isPublic)
      throw new UpstreamError(
        `Comment #${c.id} on ${issueKey} was stored as ${actual ? 'PUBLIC' : 'internal'} although ${isPublic ? 'public' : 'internal'} was asked`,
        { hint: 'Check it in Jira Service Management now; this is not a JSM request, or JSM ignored the visibility.' },
      );
    let visibleTo = 'agents of the service desk only; the customer does not see it';
    if (request) {
      const participants = (request.participants?.values ?? []).map((u) => person(u)).filter(Boolean);
      const customer = `the customer ${person(request.reporter) ?? '(reporter)'}`;
      visibleTo = participants.length
        ? `${customer} and participants ${participants.join(', ')} see it on the portal and are notified`
        : `${customer} sees it on the portal and is notified`;
    }
    return { id: String(c.id ?? ''), issueKey, public: actual, visibleTo, note: notCarriedNote(wiki.notCarried) };
  }
}
