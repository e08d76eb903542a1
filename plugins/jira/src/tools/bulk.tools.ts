import * as z from 'zod';
import { InputError, inject, isAtlassianMcpError, Tool, ToolProvider, type ToolContext } from '@atlassian-mcp/core';
import { JiraIssues } from '../client/jira-issues.js';
import { jiraSettings, type JiraConfig } from '../config.js';
import { IssueDrafts } from '../fields/issue-drafts.js';
import { listOut } from '../view/outputs.js';
import { IssueWorkflow } from '../fields/issue-workflow.js';
import { issueIdOrKey, projectKeyOrId } from './ids.js';

const MAX_BULK = 50;
const draft = z.object({
  type: z.string().optional(),
  summary: z.string(),
  description: z.string().optional(),
  parent: issueIdOrKey.optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
});
const createInput = z.object({ project: projectKeyOrId.optional(), issues: z.array(draft) });
const transitionInput = z.object({ issueKeys: z.array(issueIdOrKey), to: z.string(), comment: z.string().optional() });

type Result = { key?: string; summary?: string; error?: string };

/** Many issues at once, with progress notifications. */
@ToolProvider()
export class BulkTools {
  constructor(
    @inject(IssueDrafts) private readonly drafts: IssueDrafts,
    @inject(JiraIssues) private readonly issues: JiraIssues,
    @inject(IssueWorkflow) private readonly workflow: IssueWorkflow,
    @inject(jiraSettings) private readonly settings: JiraConfig,
  ) {}

  @Tool({
    name: 'jira_bulk_create_issues',
    title: 'Create issues in bulk',
    description: 'Create up to 50 issues; fields by name. All are checked before any is created.',
    input: createInput,
    output: listOut('created'),
    readOnly: false,
    toolset: 'bulk',
    targets: {
      project: 'project',
      'issues[].parent': 'issue',
      'issues[].fields.project': 'project',
      'issues[].fields.parent': 'issue',
    },
    scopes: ['read:jira-work', 'write:jira-work', 'read:jira-user'],
    render: (out, kit) =>
      kit.fence(
        (out.created as Result[]).map((r) => (r.key ? `${r.key} ${r.summary ?? ''}` : `failed: ${r.error}`)).join('\n'),
        'created',
      ),
  })
  async bulkCreate(input: z.infer<typeof createInput>, ctx: ToolContext): Promise<{ created: Result[] }> {
    const project = input.project ?? this.settings.defaultProject;
    if (!project) throw new InputError('Which project? Pass `project`.');
    if (input.issues.length === 0 || input.issues.length > MAX_BULK)
      throw new InputError(`Create 1 to ${MAX_BULK} issues at a time.`);
    const screens = new Map();
    const bodies = [];
    for (const [i, d] of input.issues.entries()) {
      bodies.push(
        (
          await this.drafts.prepare({ ...d, project }, screens).catch((e: unknown) => {
            throw which(e, i, d.summary);
          })
        ).body,
      );
    }
    await ctx.progress(0, bodies.length, 'creating');
    const res = await this.issues.createMany(bodies);
    await ctx.progress(bodies.length, bodies.length, 'created');
    const created: Result[] = (res.issues ?? []).map((c, i) => ({ key: c.key, summary: input.issues[i]?.summary }));
    for (const e of res.errors ?? []) {
      const errors = e.elementErrors as { errorMessages?: string[]; errors?: Record<string, string> } | undefined;
      created.push({
        error: `issue ${(e.failedElementNumber ?? 0) + 1}: ${[...(errors?.errorMessages ?? []), ...Object.entries(errors?.errors ?? {}).map(([k, v]) => `${k}: ${v}`)].join('; ')}`,
      });
    }
    return { created };
  }

  @Tool({
    name: 'jira_bulk_transition',
    title: 'Transition issues in bulk',
    description: 'Move up to 50 issues to a status; reports each outcome.',
    input: transitionInput,
    output: listOut('results'),
    readOnly: false,
    toolset: 'bulk',
    targets: { 'issueKeys[]': 'issue' },
    scopes: ['read:jira-work', 'write:jira-work', 'read:jira-user'],
    // Error lines can quote Jira (and so user-authored values): fenced with the rest.
    render: (out, kit) =>
      kit.fence(
        (out.results as Result[]).map((r) => `${r.key}: ${r.error ? `failed: ${r.error}` : 'done'}`).join('\n'),
        'results',
      ),
  })
  async bulkTransition(input: z.infer<typeof transitionInput>, ctx: ToolContext): Promise<{ results: Result[] }> {
    if (input.issueKeys.length === 0 || input.issueKeys.length > MAX_BULK)
      throw new InputError(`Transition 1 to ${MAX_BULK} issues at a time.`);
    const results: Result[] = [];
    for (const [i, key] of input.issueKeys.entries()) {
      // One issue's failure (a workflow that lacks the status) must not hide the others' outcome.
      const outcome = await this.workflow.transition(key, input.to, {}, input.comment).then(
        () => ({ key }),
        (e: unknown) => ({ key, error: ctx.describeError(e) }),
      );
      results.push(outcome);
      await ctx.progress(i + 1, input.issueKeys.length, key);
    }
    return { results };
  }
}

/** A bad draft says which one it was; any other failure (permissions, limits) passes unchanged. */
function which(error: unknown, index: number, summary: string): unknown {
  if (!isAtlassianMcpError(error) || error.code !== 'input') return error;
  return new InputError(`Issue ${index + 1} ("${summary}"): ${error.message}`, {
    cause: error,
    hint: error.hint,
    fieldErrors: (error as InputError).fieldErrors,
  });
}
