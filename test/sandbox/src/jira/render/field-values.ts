// One field of one issue, rendered the way `GET /issue` shows it (time tracking included).
import { FIELD, kindOf } from '../fields.js';
import { formatDuration, jiraTime, lexoRank } from '../format.js';
import type { FieldDef, Issue } from '../model.js';
import { attachmentBean, commentBean, worklogBean } from './activity.js';
import {
  componentBean,
  issueTypeBean,
  optionBean,
  priorityBean,
  projectRef,
  resolutionBean,
  sprintBean,
  statusBean,
  versionBean,
} from './catalog.js';
import type { RenderCtx } from './context.js';
import { issueLinkBean, issueRef } from './links.js';
import { userRef } from './users.js';

function timeSpent(c: RenderCtx, i: Issue): number | null {
  const ws = c.store.worklogs(i.id);
  if (!ws.length) return null;
  return ws.reduce((a, w) => a + w.timeSpentSeconds, 0);
}

function progress(spent: number | null, remaining: number | null) {
  const s = spent ?? 0;
  const r = remaining ?? 0;
  const total = s + r;
  const out: Record<string, number> = { progress: s, total };
  if (total > 0) out.percent = Math.round((s / total) * 100);
  return out;
}

/** Renders one field of one issue the way `GET /issue` shows it. */
export function renderField(c: RenderCtx, issue: Issue, f: FieldDef): unknown {
  const st = c.store;
  const v = issue.fields[f.id];
  switch (f.id) {
    case 'issuekey':
      return undefined;
    case 'statusCategory':
      return undefined;
    case 'subtasks':
      return st
        .children(issue.id)
        .filter((ch) => st.issueTypes.get(ch.fields.issuetype)?.subtask)
        .map((ch) => issueRef(c, ch));
    case 'issuelinks':
      return st.links(issue.id).map((l) => issueLinkBean(c, l, issue.id));
    case 'comment': {
      const cs = st.comments(issue.id);
      return {
        comments: cs.map((cm) => commentBean(c, cm)),
        self: `${c.base}/rest/api/3/issue/${issue.id}/comment`,
        maxResults: cs.length,
        total: cs.length,
        startAt: 0,
      };
    }
    case 'worklog': {
      const ws = st.worklogs(issue.id);
      return { startAt: 0, maxResults: 20, total: ws.length, worklogs: ws.slice(0, 20).map((w) => worklogBean(c, w)) };
    }
    case 'attachment':
      return st.attachmentsOf(issue.id).map((a) => attachmentBean(c, a));
    case 'watches':
      return {
        self: `${c.base}/rest/api/3/issue/${issue.key}/watchers`,
        watchCount: issue.watchers.length,
        isWatching: issue.watchers.includes(c.viewer),
      };
    case 'votes':
      return {
        self: `${c.base}/rest/api/3/issue/${issue.key}/votes`,
        votes: issue.voters.length,
        hasVoted: issue.voters.includes(c.viewer),
      };
    case 'timespent':
    case 'aggregatetimespent':
      return timeSpent(c, issue);
    case 'timeoriginalestimate':
      return (issue.fields.timeoriginalestimate as number | undefined) ?? null;
    case 'timeestimate':
      return (issue.fields.timeestimate as number | undefined) ?? null;
    case 'progress':
    case 'aggregateprogress':
      return progress(timeSpent(c, issue), (issue.fields.timeestimate as number | undefined) ?? null);
    case 'workratio': {
      const orig = issue.fields.timeoriginalestimate as number | undefined;
      const spent = timeSpent(c, issue);
      return orig ? Math.round(((spent ?? 0) / orig) * 100) : -1;
    }
    case 'security':
      return null;
    case 'timetracking': {
      const orig = issue.fields.timeoriginalestimate as number | undefined;
      const rem = issue.fields.timeestimate as number | undefined;
      const spent = timeSpent(c, issue);
      const out: Record<string, unknown> = {};
      if (orig != null) Object.assign(out, { originalEstimate: formatDuration(orig), originalEstimateSeconds: orig });
      if (rem != null) Object.assign(out, { remainingEstimate: formatDuration(rem), remainingEstimateSeconds: rem });
      if (spent != null) Object.assign(out, { timeSpent: formatDuration(spent), timeSpentSeconds: spent });
      return out;
    }
    case FIELD.rank:
      return lexoRank(issue.rank);
  }
  const computed = st.fieldRenderers.get(f.id);
  if (computed) return computed(c, issue);
  if (v === undefined || v === null) {
    if (f.id === 'labels' || f.id === 'components' || f.id === 'fixVersions' || f.id === 'versions') return [];
    return null;
  }
  switch (kindOf(f)) {
    case 'string':
    case 'adf':
    case 'number':
    case 'date':
      return v;
    case 'datetime':
      return jiraTime(v as number);
    case 'user':
      return userRef(c, v);
    case 'users':
      return (v as string[]).map((a) => userRef(c, a)).filter(Boolean);
    case 'status': {
      const s = st.statuses.get(v as string);
      return s ? statusBean(c, s) : null;
    }
    case 'priority': {
      const p = st.priorities.get(v as string);
      return p ? priorityBean(c, p) : null;
    }
    case 'resolution': {
      const r = st.resolutions.get(v as string);
      return r ? resolutionBean(c, r) : null;
    }
    case 'issuetype':
      return issueTypeBean(c, st.issueTypes.get(v as string)!);
    case 'project':
      return projectRef(c, st.projects.get(v as string)!);
    case 'labels':
      return v;
    case 'components':
      return (v as string[])
        .map((id) => st.components.get(id))
        .filter(Boolean)
        .map((x) => componentBean(c, x!));
    case 'versions':
      return (v as string[])
        .map((id) => st.versions.get(id))
        .filter(Boolean)
        .map((x) => versionBean(c, x!));
    case 'option': {
      const o = f.options?.find((x) => x.id === v);
      return o ? optionBean(c, f.id, o) : null;
    }
    case 'cascade': {
      const { parent, child } = v as { parent: string; child?: string };
      const p = f.options?.find((x) => x.id === parent);
      if (!p) return null;
      const out: Record<string, unknown> = optionBean(c, f.id, p);
      const ch = child ? p.children?.find((x) => x.id === child) : undefined;
      if (ch) out.child = optionBean(c, f.id, ch);
      return out;
    }
    case 'sprint': {
      const ids = v as number[];
      if (!ids.length) return null;
      return ids
        .map((id) => st.sprints.get(String(id)))
        .filter(Boolean)
        .map((s) => sprintBean(s!));
    }
    case 'team': {
      const t = st.teams.get(v as string);
      return t
        ? { id: t.id, name: t.name, avatarUrl: '', isVisible: true, isVerified: false, title: t.name, isShared: true }
        : null;
    }
    case 'parent': {
      const p = st.issues.get(v as string);
      return p ? issueRef(c, p) : null;
    }
    default:
      return v;
  }
}
