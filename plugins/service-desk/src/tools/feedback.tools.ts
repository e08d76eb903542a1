import * as z from 'zod';
import { inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JsmFeedback } from '../client/jsm-feedback.js';
import { JsmRequests } from '../client/jsm-requests.js';
import { SCOPE } from '../scopes.js';
import { anyOut } from '../view/outputs.js';
import { JsmText } from '../text/jsm-text.js';
import { issueKey } from './ids.js';

const keyInput = z.object({ issueKey });

type FeedbackOut = { key: string; given: boolean; rating?: number; comment?: string; status?: string };

/** Customer satisfaction (CSAT) ratings. */
@ToolProvider()
export class FeedbackTools {
  constructor(
    @inject(JsmFeedback) private readonly feedback: JsmFeedback,
    @inject(JsmRequests) private readonly requests: JsmRequests,
    @inject(JsmText) private readonly text: JsmText,
  ) {}

  @Tool({
    name: 'servicedesk_get_feedback',
    title: 'Get satisfaction feedback',
    description: "The customer's satisfaction rating (1-5) and comment on a resolved request.",
    input: keyInput,
    output: anyOut,
    readOnly: true,
    toolset: 'feedback',
    targets: { issueKey: 'request' },
    scopes: [SCOPE.read],
    render: (out, kit) => {
      const o = out as FeedbackOut;
      if (!o.given) return `No satisfaction feedback on ${o.key} (status ${kit.inline(o.status ?? '?')}).`;
      const stars = `${'★'.repeat(o.rating ?? 0)}${'☆'.repeat(5 - (o.rating ?? 0))}`;
      return `${o.key}: rated ${o.rating}/5 ${stars}${o.comment ? `\n${kit.fence(o.comment, 'feedback')}` : ''}`;
    },
  })
  async get(input: z.infer<typeof keyInput>): Promise<FeedbackOut> {
    // Read the request first: a 404 there means no such request, a 404 on the feedback means none given.
    const request = await this.requests.get(input.issueKey);
    const f = await this.feedback.get(input.issueKey);
    const comment = f?.comment?.body;
    return {
      key: input.issueKey,
      given: f !== undefined,
      rating: f?.rating,
      comment: comment ? this.text.toMarkdown(comment) : undefined,
      status: request.currentStatus?.status,
    };
  }
}
