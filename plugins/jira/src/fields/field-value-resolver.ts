import { InputError, inject, Service } from '@atlassian-mcp/core';
import { JiraIssues } from '../client/jira-issues.js';
import { JiraRichText, jiraDocument, type AttachmentRef } from '../content/jira-rich-text.js';
import { allowedLabel, describeAllowed, type FieldMeta } from './field-meta.js';
import { SprintResolver } from './sprint-resolver.js';
import { TeamResolver } from './team-resolver.js';
import { UserResolver } from './user-resolver.js';

/** Where a value is being set: the project (for sprints) and the issue, when known. */
export interface FieldScope {
  projectKey?: string;
  issueKey?: string;
}

const SPRINT_TYPE = 'com.pyxis.greenhopper.jira:gh-sprint';
const RICH_TEXT = new Set(['description', 'environment']);
const TEXTAREA = 'com.atlassian.jira.plugin.system.customfieldtypes:textarea';
const NAMED = new Set(['priority', 'issuetype', 'resolution', 'securitylevel', 'version', 'component']);

/** Converts what a model writes ("High", "jane@acme.com", "Sprint 12", ["API"]) to Jira's field JSON. */
@Service()
export class FieldValueResolver {
  constructor(
    @inject(UserResolver) private readonly users: UserResolver,
    @inject(SprintResolver) private readonly sprints: SprintResolver,
    @inject(TeamResolver) private readonly teams: TeamResolver,
    @inject(JiraRichText) private readonly text: JiraRichText,
    @inject(JiraIssues) private readonly issues: JiraIssues,
  ) {}

  async toJira(meta: FieldMeta, value: unknown, scope: FieldScope): Promise<unknown> {
    if (value === null) return null;
    const { type, items, custom, system } = meta.schema;
    if (custom === SPRINT_TYPE) return this.sprints.sprintId(Array.isArray(value) ? value[0] : value, scope.projectKey);
    if (type === 'array') {
      const list = Array.isArray(value)
        ? value
        : typeof value === 'string' && items !== 'string'
          ? value.split(',').map((s) => s.trim())
          : [value];
      return Promise.all(list.map((v) => this.single(meta, items ?? 'string', v, scope)));
    }
    if (type === 'string' && (RICH_TEXT.has(system ?? '') || custom === TEXTAREA)) {
      if (typeof value !== 'string') return this.text.raw(value as object);
      return scope.issueKey === undefined ? await this.text.toAdf(value) : this.rewrite(meta, value, scope.issueKey);
    }
    return this.single(meta, type, value, scope);
  }

  /**
   * Markdown for a rich-text field of an existing issue: its current value is the base, as for the
   * description, so what the model kept (localIds, panels, mentions, media) comes back as it was.
   */
  private async rewrite(meta: FieldMeta, markdown: string, issueKey: string): Promise<unknown> {
    const read = (await this.issues.get(issueKey, { fields: [meta.id, 'attachment'] })).fields ?? {};
    const attachments = (read.attachment as AttachmentRef[] | undefined) ?? [];
    const source =
      meta.id === 'description' ? jiraDocument.description(issueKey) : jiraDocument.field(issueKey, meta.id);
    return this.text.rewrite(read[meta.id], markdown, attachments, source);
  }

  private async single(meta: FieldMeta, type: string, value: unknown, _scope: FieldScope): Promise<unknown> {
    // Raw Jira JSON ({"id": "10001"}) passes through: the escape hatch for anything unforeseen.
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
    switch (type) {
      case 'string':
        return String(value);
      case 'number': {
        const n = typeof value === 'number' ? value : Number(String(value).trim());
        if (!Number.isFinite(n)) throw fieldError(meta, `"${String(value)}" is not a number`);
        return n;
      }
      case 'date':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(String(value)))
          throw fieldError(meta, `"${String(value)}" is not a date (YYYY-MM-DD)`);
        return String(value);
      case 'datetime':
        if (Number.isNaN(Date.parse(String(value))))
          throw fieldError(meta, `"${String(value)}" is not a date-time (ISO 8601)`);
        return String(value);
      case 'user':
        return { accountId: await this.users.accountId(String(value)) };
      case 'project':
        return { key: String(value) };
      case 'issuelink':
        return { key: String(value) };
      case 'option':
        return this.option(meta, String(value));
      case 'option-with-child':
        return this.cascade(meta, String(value));
      case 'team':
        return meta.allowedValues?.length
          ? idOf(this.pick(meta, meta.allowedValues, String(value)))
          : this.teams.teamId(meta.id, meta.name, String(value));
      case 'timetracking':
        return { originalEstimate: String(value) };
      default:
        if (NAMED.has(type)) return this.named(meta, String(value));
        return value;
    }
  }

  private option(meta: FieldMeta, value: string): { id: string } | { value: string } {
    if (!meta.allowedValues?.length) return { value };
    return { id: idOf(this.pick(meta, meta.allowedValues, value)) };
  }

  private named(meta: FieldMeta, value: string): { id: string } | { name: string } {
    if (!meta.allowedValues?.length) return { name: value };
    return { id: idOf(this.pick(meta, meta.allowedValues, value)) };
  }

  /** "Parent > Child" (or just "Parent") for cascading selects. */
  private cascade(meta: FieldMeta, value: string): { id: string; child?: { id: string } } {
    const [parentName, childName] = value.split('>').map((s) => s.trim());
    if (!meta.allowedValues?.length) throw fieldError(meta, 'allowed values are unknown; pass {"id": …} JSON');
    const parent = this.pick(meta, meta.allowedValues, parentName);
    if (!childName) return { id: idOf(parent) };
    const children = (parent as { children?: unknown[] }).children ?? [];
    const child = children.find((c) => allowedLabel(c)?.toLowerCase() === childName.toLowerCase());
    if (!child) {
      const allowed = children.map(allowedLabel).filter(Boolean).join(', ');
      throw fieldError(meta, `"${childName}" is not an option under "${parentName}"`, allowed);
    }
    return { id: idOf(parent), child: { id: idOf(child) } };
  }

  private pick(meta: FieldMeta, allowed: unknown[], value: string): unknown {
    const wanted = value.trim().toLowerCase();
    const hit =
      allowed.find((a) => allowedLabel(a)?.toLowerCase() === wanted) ?? allowed.find((a) => idOf(a) === value.trim());
    if (!hit) throw fieldError(meta, `"${value}" is not an allowed value`, describeAllowed(meta));
    return hit;
  }
}

function idOf(value: unknown): string {
  return String((value as { id?: unknown }).id ?? '');
}

function fieldError(meta: FieldMeta, problem: string, allowed?: string): InputError {
  const detail = allowed ? `${problem}; allowed: ${allowed}` : problem;
  return new InputError(`Field '${meta.name}': ${detail}.`, { fieldErrors: { [meta.name]: detail } });
}
