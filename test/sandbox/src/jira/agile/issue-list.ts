// Agile issue beans (with sprint, closedSprints, flagged, epic) and the agile issue-list
// envelope every board/backlog/sprint/epic list answers with.
import { ApiError, json } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { FIELD } from '../fields.js';
import { compileJql } from '../jql/compile.js';
import { JqlError } from '../jql/parser.js';
import type { Issue, Sprint } from '../model.js';
import { issueBean, parseFieldSelection, sprintBean } from '../render.js';
import { expandSet, page, rc, store } from '../routes/util.js';
import { epicBean } from './beans.js';

/** Agile issue beans carry `sprint`, `closedSprints`, `flagged`, `epic` next to the platform fields. */
export function agileIssue(
  ctx: HandlerContext,
  i: Issue,
  fields: ReturnType<typeof parseFieldSelection>,
  expand: Set<string>,
) {
  const st = store(ctx);
  const r = rc(ctx);
  const bean = issueBean(r, i, { fields, expand });
  if (fields.idOnly) return bean;
  const f = bean.fields as Record<string, unknown>;
  const want = (k: string) => fields.all || fields.navigable || fields.include.has(k);
  const ids = (i.fields[FIELD.sprint] as number[] | undefined) ?? [];
  const sprints = ids.map((id) => st.sprints.get(String(id))).filter((s): s is Sprint => !!s);
  if (want('sprint')) {
    const open = sprints.find((s) => s.state !== 'closed');
    f.sprint = open
      ? { ...sprintBean(open), self: `${ctx.base}/rest/agile/1.0/sprint/${open.id}`, originBoardId: open.originBoardId }
      : null;
  }
  if (want('closedSprints')) {
    f.closedSprints = sprints
      .filter((s) => s.state === 'closed')
      .map((s) => ({
        ...sprintBean(s),
        self: `${ctx.base}/rest/agile/1.0/sprint/${s.id}`,
        originBoardId: s.originBoardId,
      }));
  }
  if (want('flagged')) f.flagged = false;
  if (want('epic')) {
    const parent = i.fields.parent ? st.issues.get(i.fields.parent as string) : undefined;
    f.epic = parent && st.issueTypes.get(parent.fields.issuetype)?.hierarchyLevel === 1 ? epicBean(ctx, parent) : null;
  }
  return bean;
}

/** The agile list envelope (`SearchResults`): startAt/maxResults/total + issues, filtered by optional JQL, ordered by rank. */
export function listIssues(ctx: HandlerContext, candidates: Issue[], dfltMax = 50) {
  const st = store(ctx);
  let list = candidates;
  const jql = ctx.query.jql as string | undefined;
  if (jql) {
    let compiled;
    try {
      compiled = compileJql(jql, { store: st, accountId: ctx.accountId, now: ctx.now });
    } catch (e) {
      if (e instanceof JqlError) throw new ApiError(400, [e.message]);
      throw e;
    }
    list = list.filter(compiled.filter);
    if (compiled.query.orderBy.length) list = [...list].sort(compiled.compare);
    else list = [...list].sort((a, b) => a.rank - b.rank);
  } else list = [...list].sort((a, b) => a.rank - b.rank);
  const p = page(list, ctx.query.startAt, ctx.query.maxResults, dfltMax, 1000);
  const fields = parseFieldSelection(st, ctx.query.fields, '*navigable');
  const expand = expandSet(ctx.query.expand);
  return json(200, {
    expand: 'schema,names',
    startAt: p.startAt,
    maxResults: p.maxResults,
    total: p.total,
    issues: p.values.map((i) => agileIssue(ctx, i, fields, expand)),
  });
}
