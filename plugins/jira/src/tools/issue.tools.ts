import * as z from 'zod';
import { InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraIssues } from '../client/jira-issues.js';
import { jiraSettings, type JiraConfig } from '../config.js';
import { JiraRichText, jiraDocument, type AttachmentRef } from '../content/jira-rich-text.js';
import { fromFieldMap } from '../fields/field-meta.js';
import { IssueDrafts } from '../fields/issue-drafts.js';
import { IssueFieldResolver } from '../fields/issue-field-resolver.js';
import { UserResolver } from '../fields/user-resolver.js';
import { IssueActivity } from '../view/issue-activity.js';
import { renderIssue } from '../view/issue-render.js';
import { IssueViews } from '../view/issue-views.js';
import { issueOut } from '../view/outputs.js';
import type { IssueDetail } from '../view/schemas.js';
import { issueIdOrKey, projectKeyOrId } from './ids.js';

const fieldsByName = z.record(z.string(), z.unknown()).describe('By name: {"Story Points": 5}');

const getInput = z.object({
  issueKey: issueIdOrKey,
  comments: z.number().int().optional().describe('Latest N (default 5)'),
  include: z.array(z.enum(['worklogs', 'transitions'])).optional(),
});
const createInput = z.object({
  project: projectKeyOrId.optional(),
  type: z.string().optional().describe('Default Task'),
  summary: z.string(),
  description: z.string().optional(),
  parent: issueIdOrKey.optional(),
  fields: fieldsByName.optional(),
});
const updateInput = z.object({
  issueKey: issueIdOrKey,
  summary: z.string().optional(),
  description: z.string().optional(),
  section: z.string().optional().describe("Only this heading's section"),
  fields: fieldsByName.optional().describe('By name: {"Story Points": 5, "Labels": {"add": ["x"]}}'),
});
const assignInput = z.object({
  issueKey: issueIdOrKey,
  assignee: z.string().nullable().describe('Email, name, "me"; null unassigns'),
});

/** Issues: read one, create, update, assign. */
@ToolProvider()
export class IssueTools {
  constructor(
    @inject(JiraIssues) private readonly issues: JiraIssues,
    @inject(IssueDrafts) private readonly drafts: IssueDrafts,
    @inject(IssueFieldResolver) private readonly resolver: IssueFieldResolver,
    @inject(UserResolver) private readonly users: UserResolver,
    @inject(IssueViews) private readonly views: IssueViews,
    @inject(IssueActivity) private readonly activity: IssueActivity,
    @inject(JiraRichText) private readonly text: JiraRichText,
    @inject(jiraSettings) private readonly settings: JiraConfig,
  ) {}

  @Tool({
    name: 'jira_get_issue',
    title: 'Get issue',
    description: 'One issue: fields by name, Markdown description, latest comments, subtasks, links, attachments.',
    input: getInput,
    output: issueOut,
    readOnly: true,
    toolset: 'issues',
    targets: { issueKey: 'issue' },
    scopes: ['read:jira-work'],
    render: (out, kit) => renderIssue(out as IssueDetail, kit),
  })
  async getIssue(input: z.infer<typeof getInput>): Promise<IssueDetail> {
    const issue = await this.issues.get(input.issueKey, { expand: ['names', 'schema'] });
    const detail = await this.views.detail(issue);
    const wanted = Math.min(50, Math.max(0, input.comments ?? this.settings.commentsShown));
    const known = (issue.fields?.comment as { total?: number } | undefined)?.total;
    const include = new Set(input.include ?? []);
    const [comments, worklogs, transitions] = await Promise.all([
      wanted > 0 && known !== 0 ? this.activity.commentPage(detail.key, wanted) : undefined,
      include.has('worklogs') ? this.activity.worklogPage(detail.key, 20) : undefined,
      include.has('transitions') ? this.issues.transitions(detail.key) : undefined,
    ]);
    return {
      ...detail,
      comments: comments && comments.total > 0 ? comments : undefined,
      worklogs: worklogs && worklogs.total > 0 ? { total: worklogs.total, worklogs: worklogs.worklogs } : undefined,
      transitions: transitions?.map((t) => ({ name: t.name ?? '', to: t.to?.name })),
    };
  }

  @Tool({
    name: 'jira_create_issue',
    title: 'Create issue',
    description: 'Create an issue; set any field by name. Missing required fields come back with allowed values.',
    input: createInput,
    output: issueOut,
    readOnly: false,
    toolset: 'issues',
    targets: { project: 'project', parent: 'issue', 'fields.project': 'project', 'fields.parent': 'issue' },
    scopes: ['read:jira-work', 'write:jira-work', 'read:jira-user'],
    render: (out, kit) => `Created ${out.key} (${kit.inline(String(out.type))}): ${kit.inline(String(out.summary))}`,
  })
  async createIssue(input: z.infer<typeof createInput>): Promise<{ key: string; type: string; summary: string }> {
    const project = input.project ?? this.settings.defaultProject;
    if (!project)
      throw new InputError('Which project? Pass `project` (a key such as ENG).', {
        hint: 'jira_list_projects lists them.',
      });
    const { body, typeName } = await this.drafts.prepare({ ...input, project });
    const created = await this.issues.create(body);
    return { key: created.key ?? '', type: typeName, summary: input.summary };
  }

  @Tool({
    name: 'jira_update_issue',
    title: 'Update issue',
    description: 'Edit fields by name, the summary, or the Markdown description (whole, or one section).',
    input: updateInput,
    output: issueOut,
    readOnly: false,
    idempotent: true,
    toolset: 'issues',
    targets: { issueKey: 'issue', 'fields.project': 'project', 'fields.parent': 'issue' },
    scopes: ['read:jira-work', 'write:jira-work', 'read:jira-user'],
    render: (out, kit) => `Updated ${out.key}: ${(out.updated as string[]).map((f) => kit.inline(f, 80)).join(', ')}`,
  })
  async updateIssue(input: z.infer<typeof updateInput>): Promise<{ key: string; updated: string[] }> {
    if (input.section !== undefined && input.description === undefined) {
      throw new InputError('`section` needs `description`: the Markdown that replaces that section.');
    }
    const meta = fromFieldMap((await this.issues.editMeta(input.issueKey)).fields);
    const { fields, update } = await this.resolver.resolveEdits(
      input.fields ?? {},
      meta,
      { issueKey: input.issueKey, projectKey: projectOf(input.issueKey) },
      `edit screen of ${input.issueKey}`,
    );
    if (input.summary !== undefined) fields.summary = input.summary;
    if (input.description !== undefined) {
      // The current description is the base: placeholders the model kept (panels, mentions…) survive.
      const read = (await this.issues.get(input.issueKey, { fields: ['description', 'attachment'] })).fields;
      const current = read?.description;
      const attachments = (read?.attachment as AttachmentRef[] | undefined) ?? [];
      const source = jiraDocument.description(input.issueKey);
      fields.description = await this.text.edit(current, input.description, input.section, attachments, source);
    }
    const changed = [...Object.keys(fields), ...Object.keys(update)];
    if (changed.length === 0)
      throw new InputError('Nothing to update.', { hint: 'Pass summary, description or fields.' });
    await this.issues.edit(input.issueKey, {
      fields,
      ...(Object.keys(update).length > 0 && { update: update as never }),
    });
    const names = new Map(meta.map((m) => [m.id, m.name]));
    return { key: input.issueKey, updated: changed.map((id) => names.get(id) ?? id) };
  }

  @Tool({
    name: 'jira_assign_issue',
    title: 'Assign issue',
    description: 'Assign an issue to a person, or unassign it.',
    input: assignInput,
    output: issueOut,
    readOnly: false,
    idempotent: true,
    toolset: 'issues',
    targets: { issueKey: 'issue' },
    scopes: ['write:jira-work', 'read:jira-user'],
    render: (out, kit) =>
      out.accountId
        ? `Assigned ${out.key} to ${kit.inline(String(out.assignee ?? out.accountId))}`
        : `Unassigned ${out.key}`,
  })
  async assignIssue(
    input: z.infer<typeof assignInput>,
  ): Promise<{ key: string; accountId?: string; assignee?: string }> {
    const who = input.assignee === null ? undefined : await this.users.user(input.assignee);
    await this.issues.assign(input.issueKey, who?.accountId ?? null);
    return {
      key: input.issueKey,
      ...(who ? { accountId: who.accountId, ...(who.displayName ? { assignee: who.displayName } : {}) } : {}),
    };
  }
}

function projectOf(key: string): string {
  return key.slice(0, key.lastIndexOf('-')).toUpperCase();
}
