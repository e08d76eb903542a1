import * as z from 'zod';
import { inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { IssueWorkflow } from '../fields/issue-workflow.js';
import { issueOut } from '../view/outputs.js';
import { issueIdOrKey } from './ids.js';

const transitionInput = z.object({
  issueKey: issueIdOrKey,
  to: z.string().describe('Transition or status name'),
  fields: z.record(z.string(), z.unknown()).optional().describe('By name: {"Resolution": "Done"}'),
  comment: z.string().optional(),
});

/** Workflow transitions. */
@ToolProvider()
export class TransitionTools {
  constructor(@inject(IssueWorkflow) private readonly workflow: IssueWorkflow) {}

  @Tool({
    name: 'jira_transition_issue',
    title: 'Transition issue',
    description: 'Move an issue to another status, with screen fields and a comment.',
    input: transitionInput,
    output: issueOut,
    readOnly: false,
    toolset: 'issues',
    targets: { issueKey: 'issue', 'fields.parent': 'issue' },
    scopes: ['read:jira-work', 'write:jira-work', 'read:jira-user'],
    render: (out, kit) =>
      out.status && out.status !== out.transition
        ? `${out.key}: ${kit.inline(String(out.transition))} → ${kit.inline(String(out.status))}`
        : `${out.key} → ${kit.inline(String(out.status ?? out.transition))}`,
  })
  async transitionIssue(
    input: z.infer<typeof transitionInput>,
  ): Promise<{ key: string; transition: string; status?: string }> {
    return {
      key: input.issueKey,
      ...(await this.workflow.transition(input.issueKey, input.to, input.fields, input.comment)),
    };
  }
}
