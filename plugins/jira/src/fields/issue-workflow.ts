import { InputError, inject, Service } from '@atlassian-mcp/core';
import { JiraIssues, type IssueTransition } from '../client/jira-issues.js';
import { JiraRichText } from '../content/jira-rich-text.js';
import { fromFieldMap } from './field-meta.js';
import { IssueFieldResolver } from './issue-field-resolver.js';

/** Moves an issue by transition name or target status, filling the transition screen by field name. */
@Service()
export class IssueWorkflow {
  constructor(
    @inject(JiraIssues) private readonly issues: JiraIssues,
    @inject(IssueFieldResolver) private readonly resolver: IssueFieldResolver,
    @inject(JiraRichText) private readonly text: JiraRichText,
  ) {}

  async transition(
    issueKey: string,
    to: string,
    fieldsByName: Record<string, unknown> = {},
    comment?: string,
  ): Promise<{ transition: string; status?: string }> {
    const transition = pick(await this.issues.transitions(issueKey), to, issueKey);
    const screen = `"${transition.name}" transition screen`;
    const meta = fromFieldMap(transition.fields);
    const fields = await this.resolver.resolve(
      fieldsByName,
      meta,
      { issueKey, projectKey: issueKey.split('-')[0] },
      screen,
    );
    this.resolver.assertRequired(meta, Object.keys(fields), screen);
    await this.issues.transition(
      issueKey,
      {
        transition: { id: transition.id },
        ...(Object.keys(fields).length > 0 && { fields }),
        ...(comment && { update: { comment: [{ add: { body: await this.text.toAdf(comment) } }] } }),
      },
      // A lost answer is settled by the issue's status, unless the transition loops back to it.
      transition.isLooped ? undefined : transition.to?.id,
    );
    return { transition: transition.name ?? to, status: transition.to?.name };
  }
}

function pick(available: IssueTransition[], wanted: string, key: string): IssueTransition {
  const w = wanted.trim().toLowerCase();
  const hit =
    available.find((t) => t.name?.toLowerCase() === w) ?? available.find((t) => t.to?.name?.toLowerCase() === w);
  if (hit) return hit;
  const options = available
    .map((t) => (t.to?.name && t.to.name !== t.name ? `${t.name} (→ ${t.to.name})` : t.name))
    .join(', ');
  throw new InputError(`No transition '${wanted}' is available for ${key} now.`, {
    hint: options ? `Available: ${options}.` : 'The issue has no transitions available to you.',
  });
}
