import * as z from 'zod';
import { InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraIssues, type IssueTransition } from '../client/jira-issues.js';
import { JiraRichText } from '../content/jira-rich-text.js';
import { fromFieldMap } from '../fields/field-meta.js';
import { IssueFieldResolver } from '../fields/issue-field-resolver.js';
import { issueOut } from '../view/outputs.js';

const transitionInput = z.object({
  issueKey: z.string(),
  to: z.string().describe('Transition or status name'),
  fields: z.record(z.string(), z.unknown()).optional().describe('By name: {"Resolution": "Done"}'),
  comment: z.string().optional(),
});

/** Workflow transitions. */
@ToolProvider()
export class TransitionTools {
  constructor(
    @inject(JiraIssues) private readonly issues: JiraIssues,
    @inject(IssueFieldResolver) private readonly resolver: IssueFieldResolver,
    @inject(JiraRichText) private readonly text: JiraRichText,
  ) {}

  @Tool({
    name: 'jira_transition_issue',
    title: 'Transition issue',
    description: 'Move an issue to another status, with screen fields and a comment.',
    input: transitionInput,
    output: issueOut,
    readOnly: false,
    toolset: 'issues',
    scopes: ['write:jira-work'],
    render: (out) => `${out.key}: ${String(out.transition)}${out.status ? ` → ${String(out.status)}` : ''}`,
  })
  async transitionIssue(input: z.infer<typeof transitionInput>): Promise<{ key: string; transition: string; status?: string }> {
    const available = await this.issues.transitions(input.issueKey);
    const transition = pick(available, input.to, input.issueKey);
    const screen = `"${transition.name}" transition screen`;
    const meta = fromFieldMap(transition.fields);
    const fields = await this.resolver.resolve(input.fields ?? {}, meta, { issueKey: input.issueKey, projectKey: input.issueKey.split('-')[0] }, screen);
    this.resolver.assertRequired(meta, Object.keys(fields), screen);
    await this.issues.transition(input.issueKey, {
      transition: { id: transition.id },
      ...(Object.keys(fields).length > 0 && { fields }),
      ...(input.comment && { update: { comment: [{ add: { body: this.text.toAdf(input.comment) } }] } }),
    });
    return { key: input.issueKey, transition: transition.name ?? input.to, status: transition.to?.name };
  }
}

function pick(available: IssueTransition[], wanted: string, key: string): IssueTransition {
  const w = wanted.trim().toLowerCase();
  const hit = available.find((t) => t.name?.toLowerCase() === w) ?? available.find((t) => t.to?.name?.toLowerCase() === w);
  if (hit) return hit;
  const options = available.map((t) => (t.to?.name && t.to.name !== t.name ? `${t.name} (→ ${t.to.name})` : t.name)).join(', ');
  throw new InputError(`No transition '${wanted}' is available for ${key} now.`, {
    hint: options ? `Available: ${options}.` : 'The issue has no transitions available to you.',
  });
}
