import { inject, Service } from '@atlassian-mcp/core';
import type { IssueBean } from '../client/jira-issues.js';
import type { Comment } from '../client/jira-comments.js';
import type { Worklog } from '../client/jira-worklogs.js';
import type { JiraSchemas } from '../client/jira-http.js';
import { JiraRichText, jiraDocument, type AttachmentRef } from '../content/jira-rich-text.js';
import { formatDuration } from '../fields/duration.js';
import { compact, displayValue, fileSize, personName, shortTime } from './display.js';
import type { CommentView, IssueDetail, IssueRow, WorklogView } from './schemas.js';

/** Fields shown in their own slot of the detail view (or deliberately dropped as noise). */
const OWN_SLOT = new Set([
  'summary',
  'status',
  'issuetype',
  'priority',
  'project',
  'assignee',
  'reporter',
  'created',
  'updated',
  'duedate',
  'resolution',
  'resolutiondate',
  'parent',
  'labels',
  'components',
  'fixVersions',
  'timetracking',
  'description',
  'subtasks',
  'issuelinks',
  'attachment',
  'comment',
  'worklog',
  'creator',
  'watches',
  'votes',
  'lastViewed',
  'statuscategorychangedate',
  'workratio',
  'progress',
  'aggregateprogress',
  'aggregatetimespent',
  'aggregatetimeestimate',
  'aggregatetimeoriginalestimate',
  'timespent',
  'timeestimate',
  'timeoriginalestimate',
  'statusCategory',
  'issuerestriction',
  'thumbnail',
  'security',
]);
/** Custom field types whose values mean nothing to a reader. */
// (ProForma's form counters are 0 on nearly every issue; rank, colour and dev summaries are machine data.)
const NOISE_TYPES = [':gh-lexo-rank', ':devsummary', ':jsw-issue-color', 'vulnerability', ':jwm-category', 'proforma'];

type Related = { key: string; summary?: string; status?: string };

/** Maps Jira's raw JSON to the compact views tools return. */
@Service()
export class IssueViews {
  constructor(@inject(JiraRichText) private readonly text: JiraRichText) {}

  row(issue: IssueBean, extraFields: Array<{ id: string; name: string }> = []): IssueRow {
    const f = issue.fields ?? {};
    const extra: Record<string, string> = {};
    for (const { id, name } of extraFields) {
      const text = displayValue(f[id]);
      // Timestamps in the compact form used everywhere else ("2026-09-01 13:16Z").
      if (text !== undefined) extra[name] = /^\d{4}-\d{2}-\d{2}T/.test(text) ? (shortTime(text) ?? text) : text;
    }
    return compact({
      key: issue.key ?? '',
      summary: String(f.summary ?? ''),
      status: displayValue(f.status),
      assignee: personName(f.assignee),
      fields: extra,
    });
  }

  async detail(issue: IssueBean): Promise<IssueDetail> {
    const f = issue.fields ?? {};
    const tt = (f.timetracking ?? {}) as JiraSchemas['TimeTrackingDetails'];
    return compact({
      key: issue.key ?? '',
      summary: String(f.summary ?? ''),
      status: displayValue(f.status),
      type: displayValue(f.issuetype),
      priority: displayValue(f.priority),
      project: (f.project as { key?: string } | undefined)?.key,
      assignee: personName(f.assignee),
      reporter: personName(f.reporter),
      created: shortTime(f.created as string | undefined),
      updated: shortTime(f.updated as string | undefined),
      due: f.duedate as string | undefined,
      // "Done 2026-08-28 07:06Z": the resolution and when, in one slot.
      resolution:
        [displayValue(f.resolution), shortTime(f.resolutiondate as string | undefined)].filter(Boolean).join(' ') ||
        undefined,
      parent: f.parent ? related(f.parent) : undefined,
      labels: (f.labels as string[] | undefined) ?? [],
      components: names(f.components),
      fixVersions: names(f.fixVersions),
      time: compact({ estimate: tt.originalEstimate, remaining: tt.remainingEstimate, spent: tt.timeSpent }),
      fields: await this.otherFields(issue),
      description: await this.markdown(
        f.description,
        f.attachment as AttachmentRef[] | undefined,
        jiraDocument.description(issue.key ?? ''),
      ),
      subtasks: ((f.subtasks as unknown[] | undefined) ?? []).map(related),
      links: ((f.issuelinks as JiraSchemas['IssueLink'][] | undefined) ?? []).map(link),
      attachments: ((f.attachment as JiraSchemas['Attachment'][] | undefined) ?? []).map((a) =>
        compact({
          id: a.id ?? '',
          filename: a.filename ?? '',
          size: fileSize(a.size),
          uri: `jira://attachment/${a.id}`,
        }),
      ),
    });
  }

  async comment(c: Comment): Promise<CommentView> {
    return compact({
      id: c.id ?? '',
      author: personName(c.author),
      created: shortTime(c.created),
      edited: c.updated !== undefined && c.created !== undefined && c.updated !== c.created ? true : undefined,
      body: (await this.markdown(c.body, undefined, c.id === undefined ? undefined : jiraDocument.comment(c.id))) ?? '',
    });
  }

  async worklog(w: Worklog): Promise<WorklogView> {
    return compact({
      id: w.id ?? '',
      author: personName(w.author),
      started: shortTime(w.started),
      timeSpent: w.timeSpent ?? formatDuration(w.timeSpentSeconds ?? 0),
      comment: await this.markdown(w.comment, undefined, w.id === undefined ? undefined : jiraDocument.worklog(w.id)),
    });
  }

  async markdown(doc: unknown, attachments?: AttachmentRef[], source?: string): Promise<string | undefined> {
    return this.text.toMarkdown(doc, attachments, source);
  }

  private async otherFields(issue: IssueBean): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const [id, value] of Object.entries(issue.fields ?? {})) {
      if (OWN_SLOT.has(id) || value === null || value === undefined) continue;
      const custom = issue.schema?.[id]?.custom ?? '';
      if (NOISE_TYPES.some((t) => custom.includes(t))) continue;
      const isDoc = typeof value === 'object' && (value as { type?: unknown }).type === 'doc';
      const shown = isDoc
        ? await this.markdown(value, undefined, jiraDocument.field(issue.key ?? '', id))
        : displayValue(value);
      const text = shown && /^\d{4}-\d{2}-\d{2}T/.test(shown) ? shortTime(shown) : shown;
      if (text !== undefined) out[issue.names?.[id] ?? id] = text;
    }
    return out;
  }
}

function names(list: unknown): string[] {
  return ((list as Array<{ name?: string }> | undefined) ?? []).map((x) => x.name ?? '').filter(Boolean);
}

function related(raw: unknown): Related {
  const i = raw as { key?: string; fields?: { summary?: string; status?: unknown } };
  return compact({ key: i.key ?? '', summary: i.fields?.summary, status: displayValue(i.fields?.status) });
}

function link(l: JiraSchemas['IssueLink']): Related & { relation: string } {
  const outward = l.outwardIssue !== undefined;
  const other = (outward ? l.outwardIssue : l.inwardIssue) ?? {};
  const relation = (outward ? l.type?.outward : l.type?.inward) ?? l.type?.name ?? 'relates to';
  return { relation, ...related(other) };
}
