import { InputError, inject, Service } from '@atlassian-mcp/core';
import { JiraFields } from '../client/jira-fields.js';
import type { IssueUpdateDetails } from '../client/jira-issues.js';
import { JiraRichText } from '../content/jira-rich-text.js';
import { fromCreateMeta, type FieldMeta } from './field-meta.js';
import { IssueFieldResolver } from './issue-field-resolver.js';

/** What a model asks for when it creates an issue. */
export interface IssueDraft {
  project: string;
  type?: string;
  summary: string;
  description?: string;
  parent?: string;
  fields?: Record<string, unknown>;
}

interface Screen {
  typeId: string;
  typeName: string;
  meta: FieldMeta[];
}

/**
 * Turns a draft into Jira's create body: issue type by name, fields by name against the create
 * screen (createmeta), and every missing required field reported before anything is sent.
 */
@Service()
export class IssueDrafts {
  constructor(
    @inject(JiraFields) private readonly fields: JiraFields,
    @inject(IssueFieldResolver) private readonly resolver: IssueFieldResolver,
    @inject(JiraRichText) private readonly text: JiraRichText,
  ) {}

  /** `screens` caches create screens across the drafts of one call (bulk create). */
  async prepare(
    draft: IssueDraft,
    screens = new Map<string, Promise<Screen>>(),
  ): Promise<{ body: IssueUpdateDetails; typeName: string }> {
    const typeName = draft.type ?? 'Task';
    const cacheKey = `${draft.project}\u0000${typeName.toLowerCase()}`;
    if (!screens.has(cacheKey)) screens.set(cacheKey, this.screen(draft.project, typeName));
    const screen = await screens.get(cacheKey)!;
    const where = `create screen of ${draft.project} ${screen.typeName}`;
    const resolved = await this.resolver.resolve(draft.fields ?? {}, screen.meta, { projectKey: draft.project }, where);
    const fields: Record<string, unknown> = {
      project: { key: draft.project },
      issuetype: { id: screen.typeId },
      summary: draft.summary,
      ...(draft.description !== undefined && { description: await this.text.toAdf(draft.description) }),
      ...(draft.parent && { parent: { key: draft.parent } }),
      ...resolved,
    };
    this.resolver.assertRequired(screen.meta, Object.keys(fields), where);
    return { body: { fields }, typeName: screen.typeName };
  }

  private async screen(project: string, typeName: string): Promise<Screen> {
    const types = await this.fields.createIssueTypes(project);
    const type = types.find((t) => t.name?.toLowerCase() === typeName.toLowerCase());
    if (!type?.id) {
      throw new InputError(`Issue type '${typeName}' does not exist in ${project}.`, {
        hint: `Types: ${types.map((t) => t.name).join(', ')}.`,
      });
    }
    return {
      typeId: type.id,
      typeName: type.name ?? typeName,
      meta: fromCreateMeta(await this.fields.createFields(project, type.id)),
    };
  }
}
