import * as z from 'zod';
import { InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraFields } from '../client/jira-fields.js';
import { jiraSettings, type JiraConfig } from '../config.js';
import { FieldCatalog } from '../fields/field-catalog.js';
import { allowedLabel, fromCreateMeta } from '../fields/field-meta.js';
import { compact } from '../view/display.js';
import { listOut } from '../view/outputs.js';
import { projectKeyOrId } from './ids.js';

const createFieldsInput = z.object({
  project: projectKeyOrId.optional(),
  type: z.string().optional().describe('Issue type; omit to list types'),
  all: z.boolean().optional().describe('Include optional fields'),
});
type FieldRow = { name: string; id: string; type: string; required?: boolean; allowed?: string[]; custom?: boolean };
const createFieldsOutput = z.looseObject({ project: z.string() });
const searchInput = z.object({ query: z.string() });
const searchOutput = listOut('fields');

const ALLOWED_SHOWN = 30;
const OWN_PARAMS = new Set(['project', 'issuetype', 'summary']);

/** Field discovery: what a create needs, and custom fields by name. */
@ToolProvider()
export class FieldTools {
  constructor(
    @inject(JiraFields) private readonly fields: JiraFields,
    @inject(FieldCatalog) private readonly catalog: FieldCatalog,
    @inject(jiraSettings) private readonly settings: JiraConfig,
  ) {}

  @Tool({
    name: 'jira_get_create_fields',
    title: 'Fields for a new issue',
    description: 'Required fields and allowed values for creating an issue type in a project.',
    input: createFieldsInput,
    output: createFieldsOutput,
    readOnly: true,
    toolset: 'context',
    targets: { project: 'project' },
    scopes: ['read:jira-work'],
    // Field names, allowed values and issue types are written by Jira admins: fenced as data.
    render: (out, kit) =>
      out.fields
        ? `${out.project} ${kit.inline(String(out.type))} (* required):\n${kit.fence(
            (out.fields as FieldRow[])
              .map(
                (f) => `${f.name}${f.required ? '*' : ''} (${f.type})${f.allowed ? `: ${f.allowed.join(', ')}` : ''}`,
              )
              .join('\n'),
            'fields',
          )}`
        : `${out.project} issue types: ${((out.issueTypes as string[] | undefined) ?? []).map((t) => kit.inline(t, 80)).join(', ')}`,
  })
  async createFields(
    input: z.infer<typeof createFieldsInput>,
  ): Promise<{ project: string; type?: string; issueTypes?: string[]; fields?: FieldRow[] }> {
    const project = input.project ?? this.settings.defaultProject;
    if (!project) throw new InputError('Which project? Pass `project`.');
    const types = await this.fields.createIssueTypes(project);
    if (!input.type) return { project, issueTypes: types.map((t) => t.name ?? '').filter(Boolean) };
    const type = types.find((t) => t.name?.toLowerCase() === input.type!.toLowerCase());
    if (!type?.id)
      throw new InputError(`Issue type '${input.type}' does not exist in ${project}.`, {
        hint: `Types: ${types.map((t) => t.name).join(', ')}.`,
      });
    const meta = fromCreateMeta(await this.fields.createFields(project, type.id));
    // Project, type and summary are the create tool's own parameters, not fields to fill.
    const shown = meta.filter((m) => !OWN_PARAMS.has(m.id) && (input.all || (m.required && !m.hasDefault)));
    return {
      project,
      type: type.name,
      fields: shown.map((m) => {
        const allowed = (m.allowedValues ?? []).map(allowedLabel).filter((l): l is string => !!l);
        return compact({
          name: m.name,
          id: m.id,
          type: m.schema.items ? `${m.schema.type} of ${m.schema.items}` : m.schema.type,
          required: m.required || undefined,
          allowed:
            allowed.length > ALLOWED_SHOWN
              ? [...allowed.slice(0, ALLOWED_SHOWN), `… ${allowed.length - ALLOWED_SHOWN} more`]
              : allowed,
        });
      }),
    };
  }

  @Tool({
    name: 'jira_search_fields',
    title: 'Find fields',
    description: 'Find fields by name: id and type.',
    input: searchInput,
    output: searchOutput,
    readOnly: true,
    toolset: 'context',
    scopes: ['read:jira-work'],
    render: (out, kit) =>
      out.fields.length === 0
        ? 'No fields match.'
        : kit.fence((out.fields as FieldRow[]).map((f) => `${f.name} · ${f.id} · ${f.type}`).join('\n'), 'fields'),
  })
  async searchFields(input: z.infer<typeof searchInput>): Promise<{ fields: FieldRow[] }> {
    const q = input.query.toLowerCase();
    const all = await this.catalog.all();
    const hits = all.filter((f) => f.name?.toLowerCase().includes(q) || f.id?.toLowerCase() === q).slice(0, 30);
    return {
      fields: hits.map((f) =>
        compact({
          name: f.name ?? '',
          id: f.id ?? '',
          type: f.schema ? (f.schema.items ? `${f.schema.type} of ${f.schema.items}` : f.schema.type) : 'unknown',
          custom: f.custom || undefined,
        }),
      ),
    };
  }
}
