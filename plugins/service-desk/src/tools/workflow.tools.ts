import * as z from 'zod';
import { inject, InputError, Tool, ToolProvider } from '@atlassian-mcp/core';
import type { CustomerTransition } from '../client/jsm-http.js';
import { JsmRequests } from '../client/jsm-requests.js';
import { CommentWriter } from '../domain/comment-writer.js';
import { DeskDirectory } from '../scope/desk-directory.js';
import { SCOPE } from '../scopes.js';
import { JsmText, notCarriedNote } from '../text/jsm-text.js';
import { lines } from '../view/format.js';
import { anyOut } from '../view/outputs.js';
import { oldestFirst, RequestViews } from '../view/request-views.js';
import { slaLine, slaView, type SlaView } from '../view/sla.js';
import { issueKey } from './ids.js';

const keyInput = z.object({ issueKey });
const statusInput = z.object({ issueKey });
const transitionInput = z.object({
  issueKey,
  transition: z.string().describe('Id or name'),
  publicComment: z.string().optional().describe('The customer sees it'),
});

type StatusOut = { key: string; history: Array<{ status: string; since?: string }>; more?: boolean };
type Transitioned = { key: string; transition: string; status?: string; note?: string };

/** Status, history, the portal's transitions and SLAs. */
@ToolProvider()
export class WorkflowTools {
  constructor(
    @inject(JsmRequests) private readonly requests: JsmRequests,
    @inject(RequestViews) private readonly views: RequestViews,
    @inject(CommentWriter) private readonly writer: CommentWriter,
    @inject(JsmText) private readonly text: JsmText,
    @inject(DeskDirectory) private readonly directory: DeskDirectory,
  ) {}

  @Tool({
    name: 'servicedesk_get_request_status',
    title: 'Get request status',
    description: 'Status of a request and its history.',
    input: statusInput,
    output: anyOut,
    readOnly: true,
    toolset: 'details',
    targets: { issueKey: 'request' },
    scopes: [SCOPE.read],
    render: (out, kit) => {
      const o = out as StatusOut;
      const last = o.history[o.history.length - 1];
      return lines(
        last && !o.more && `${o.key} is ${kit.inline(last.status)}${last.since ? ` since ${last.since}` : ''}.`,
        `history${o.more ? ' (first 100 changes)' : ''}: ${o.history.map((s) => `${kit.inline(s.status)}${s.since ? ` ${s.since}` : ''}`).join(' → ')}`,
      );
    },
  })
  async status(input: z.infer<typeof statusInput>): Promise<StatusOut> {
    const page = await this.requests.status(input.issueKey, 0, 100);
    const history = oldestFirst(page.values ?? []).map((s) => this.views.status(s));
    return { key: input.issueKey, history, more: page.isLastPage === false || undefined };
  }

  @Tool({
    name: 'servicedesk_get_request_transitions',
    title: 'Get request transitions',
    description: 'Transitions available on a request now.',
    input: keyInput,
    output: anyOut,
    readOnly: true,
    toolset: 'details',
    targets: { issueKey: 'request' },
    scopes: [SCOPE.read],
    render: (out, kit) =>
      (out.transitions as unknown[]).length === 0
        ? 'No transitions available now.'
        : (out.transitions as CustomerTransition[]).map((t) => `${t.id} ${kit.inline(t.name)}`).join('\n'),
  })
  async transitions(input: z.infer<typeof keyInput>): Promise<{ transitions: CustomerTransition[] }> {
    const list = await this.requests.transitions(input.issueKey);
    return { transitions: list.map((t) => ({ id: t.id, name: t.name })) };
  }

  @Tool({
    name: 'servicedesk_transition_request',
    title: 'Transition request',
    description: 'Move a request through a transition.',
    input: transitionInput,
    output: anyOut,
    readOnly: false,
    toolset: 'requests',
    targets: { issueKey: 'request' },
    scopes: [SCOPE.read, SCOPE.write],
    render: (out, kit) => {
      const o = out as Transitioned;
      return lines(`${o.key}: ${kit.inline(o.transition)} done; status now ${kit.inline(o.status ?? '?')}.`, o.note);
    },
  })
  async transition(input: z.infer<typeof transitionInput>): Promise<Transitioned> {
    if (input.publicComment) this.writer.assertPublicAllowed('The transition comment');
    const [available, before] = await Promise.all([
      this.requests.transitions(input.issueKey),
      this.requests.get(input.issueKey),
    ]);
    const wanted = input.transition.trim().toLowerCase();
    const t =
      available.find((x) => x.id === input.transition.trim()) ??
      available.find((x) => x.name?.toLowerCase() === wanted);
    if (!t?.id)
      throw new InputError(`${input.issueKey} has no transition ${JSON.stringify(input.transition)} now`, {
        hint: available.length
          ? `Available: ${available.map((x) => `${x.id} ${x.name}`).join(', ')}.`
          : 'No portal transition is available in its current status.',
      });
    const wiki = input.publicComment ? this.text.toWiki(input.publicComment) : undefined;
    await this.requests.transition(input.issueKey, t.id, before.currentStatus?.status, wiki?.text);
    const after = await this.requests.get(input.issueKey);
    return {
      key: input.issueKey,
      transition: t.name ?? t.id,
      status: after.currentStatus?.status,
      note:
        lines(
          wiki && 'The comment was added as PUBLIC: the customer sees it.',
          notCarriedNote(wiki?.notCarried ?? []),
        ) || undefined,
    };
  }

  @Tool({
    name: 'servicedesk_get_sla',
    title: 'Get request SLAs',
    description: 'SLAs of a request: goal, elapsed, remaining.',
    input: keyInput,
    output: anyOut,
    readOnly: true,
    toolset: 'requests',
    targets: { issueKey: 'request' },
    scopes: [SCOPE.read, SCOPE.jiraRead],
    render: (out, kit) =>
      (out.sla as unknown[]).length === 0
        ? 'No SLA applies to this request.'
        : (out.sla as SlaView[]).map((s) => slaLine(s, kit.inline)).join('\n'),
  })
  async sla(input: z.infer<typeof keyInput>): Promise<{ key: string; sla: SlaView[] }> {
    return { key: input.issueKey, sla: (await this.requests.sla(input.issueKey)).map(slaView) };
  }
}
