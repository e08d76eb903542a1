import * as z from 'zod';
import { coreServices, InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraFields } from '../client/jira-fields.js';
import { JiraIssues } from '../client/jira-issues.js';
import { jiraSettings, type JiraConfig } from '../config.js';
import { sectionEditSchema, type JiraRichText } from '../content/rich-text-port.js';
import { fromCreateMeta, fromFieldMap } from '../fields/field-meta.js';
import { IssueFieldResolver } from '../fields/issue-field-resolver.js';
import { UserResolver } from '../fields/user-resolver.js';
import { IssueActivity } from '../view/issue-activity.js';
import { renderIssue } from '../view/issue-render.js';
import { IssueViews } from '../view/issue-views.js';
import { issueDetailSchema } from '../view/schemas.js';

const issueKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*-\d+$/, 'an issue key like ENG-12');
const fieldsByName = z.record(z.string(), z.unknown()).describe('Field name → value, e.g. {"Story Points": 5, "Components": ["API"]}');

const getInput = z.object({
  issueKey,
  comments: z.number().int().min(0).max(50).optional().describe('Latest comments to include'),
  include: z.array(z.enum(['worklogs', 'transitions'])).optional(),
});
const createInput = z.object({
  project: z.string().optional().describe('Project key'),
  type: z.string().default('Task').describe('Issue type name'),
  summary: z.string().min(1),
  description: z.string().optional().describe('Markdown'),
  parent: issueKey.optional(),
  fields: fieldsByName.optional(),
});
const createOutput = z.object({ key: z.string(), type: z.string(), summary: z.string() });
const updateInput = z.object({
  issueKey,
  summary: z.string().min(1).optional(),
  description: z.string().optional().describe('Markdown; replaces the whole description'),
  descriptionEdit: sectionEditSchema.optional().describe('Change one section only'),
  fields: fieldsByName.optional(),
});
const updateOutput = z.object({ key: z.string(), updated: z.array(z.string()) });
const assignInput = z.object({ issueKey, assignee: z.string().nullable().describe('Email, name, accountId, "me", or null to unassign') });
const assignOutput = z.object({ key: z.string(), accountId: z.string().optional() });

/** Issues: read one, create, update, assign. */
@ToolProvider()
export class IssueTools {
  private readonly settings: JiraConfig;

  constructor(
    @inject(JiraIssues) private readonly issues: JiraIssues,
    @inject(JiraFields) private readonly fields: JiraFields,
    @inject(IssueFieldResolver) private readonly resolver: IssueFieldResolver,
    @inject(UserResolver) private readonly users: UserResolver,
    @inject(IssueViews) private readonly views: IssueViews,
    @inject(IssueActivity) private readonly activity: IssueActivity,
    @inject(coreServices.content) private readonly content: JiraRichText,
    @inject(coreServices.pluginConfig) config: unknown,
  ) {
    this.settings = jiraSettings(config);
  }

  @Tool({
    name: 'jira_get_issue',
    title: 'Get issue',
    description: 'One issue: fields by name, Markdown description, latest comments, subtasks, links, attachments.',
    input: getInput,
    output: issueDetailSchema,
    readOnly: true,
    toolset: 'issues',
    scopes: ['read:jira-work'],
    render: renderIssue,
  })
  async getIssue(input: z.infer<typeof getInput>): Promise<z.input<typeof issueDetailSchema>> {
    const issue = await this.issues.get(input.issueKey, { expand: ['names', 'schema'] });
    const detail = await this.views.detail(issue);
    const wanted = input.comments ?? this.settings.commentsShown;
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
    description: 'Create an issue. Set any field by name in `fields`; missing required fields are listed with allowed values.',
    input: createInput,
    output: createOutput,
    readOnly: false,
    toolset: 'issues',
    scopes: ['write:jira-work'],
    render: (out) => `Created ${out.key} (${out.type}): ${out.summary}`,
  })
  async createIssue(input: z.infer<typeof createInput>): Promise<z.input<typeof createOutput>> {
    const project = input.project ?? this.settings.defaultProject;
    if (!project) throw new InputError('Which project? Pass `project` (a key such as ENG).', { hint: 'jira_list_projects lists them.' });
    const types = await this.fields.createIssueTypes(project);
    const type = types.find((t) => t.name?.toLowerCase() === input.type.toLowerCase());
    if (!type?.id) {
      throw new InputError(`Issue type '${input.type}' does not exist in ${project}.`, { hint: `Types: ${types.map((t) => t.name).join(', ')}.` });
    }
    const meta = fromCreateMeta(await this.fields.createFields(project, type.id));
    const screen = `create screen of ${project} ${type.name}`;
    const resolved = await this.resolver.resolve(input.fields ?? {}, meta, { projectKey: project }, screen);
    const fields: Record<string, unknown> = {
      project: { key: project },
      issuetype: { id: type.id },
      summary: input.summary,
      ...(input.description !== undefined && { description: await this.content.markdownToAdf(input.description) }),
      ...(input.parent && { parent: { key: input.parent } }),
      ...resolved,
    };
    this.resolver.assertRequired(meta, Object.keys(fields), screen);
    const created = await this.issues.create({ fields });
    return { key: created.key ?? '', type: type.name ?? input.type, summary: input.summary };
  }

  @Tool({
    name: 'jira_update_issue',
    title: 'Update issue',
    description: 'Edit fields by name; replace the description, or edit one section of it (keeps the rest intact).',
    input: updateInput,
    output: updateOutput,
    readOnly: false,
    idempotent: true,
    toolset: 'issues',
    scopes: ['write:jira-work'],
    render: (out) => `Updated ${out.key}: ${out.updated.join(', ')}`,
  })
  async updateIssue(input: z.infer<typeof updateInput>): Promise<z.input<typeof updateOutput>> {
    if (input.description !== undefined && input.descriptionEdit) {
      throw new InputError('Pass either `description` (full replace) or `descriptionEdit` (one section), not both.');
    }
    const meta = fromFieldMap((await this.issues.editMeta(input.issueKey)).fields);
    const fields = await this.resolver.resolve(input.fields ?? {}, meta, { issueKey: input.issueKey, projectKey: projectOf(input.issueKey) }, `edit screen of ${input.issueKey}`);
    if (input.summary !== undefined) fields.summary = input.summary;
    if (input.description !== undefined) fields.description = await this.content.markdownToAdf(input.description);
    if (input.descriptionEdit) {
      const current = await this.issues.get(input.issueKey, { fields: ['description'] });
      fields.description = await this.content.editAdfSection(current.fields?.description ?? emptyDoc(), input.descriptionEdit);
    }
    if (Object.keys(fields).length === 0) throw new InputError('Nothing to update.', { hint: 'Pass summary, description, descriptionEdit or fields.' });
    await this.issues.edit(input.issueKey, { fields });
    const names = new Map(meta.map((m) => [m.id, m.name]));
    return { key: input.issueKey, updated: Object.keys(fields).map((id) => names.get(id) ?? id) };
  }

  @Tool({
    name: 'jira_assign_issue',
    title: 'Assign issue',
    description: 'Assign to a person (email, name, accountId or "me"), or null to unassign.',
    input: assignInput,
    output: assignOutput,
    readOnly: false,
    idempotent: true,
    toolset: 'issues',
    scopes: ['write:jira-work'],
    render: (out) => (out.accountId ? `Assigned ${out.key} (${out.accountId})` : `Unassigned ${out.key}`),
  })
  async assignIssue(input: z.infer<typeof assignInput>): Promise<z.input<typeof assignOutput>> {
    const accountId = input.assignee === null ? null : await this.users.accountId(input.assignee);
    await this.issues.assign(input.issueKey, accountId);
    return { key: input.issueKey, accountId: accountId ?? undefined };
  }
}

function projectOf(key: string): string {
  return key.slice(0, key.lastIndexOf('-')).toUpperCase();
}

function emptyDoc(): unknown {
  return { type: 'doc', version: 1, content: [] };
}
