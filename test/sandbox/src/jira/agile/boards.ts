// Jira Software (agile): boards, their configuration and their issues. Sprints, backlog, epics
// and agile issues live next door (./sprints.ts, ./backlog.ts, ./epics.ts, ./issues.ts).
import { json } from '../../core/http.js';
import type { Handler } from '../../core/product.js';
import { page, rc, store } from '../routes/util.js';
import { boardBean } from './beans.js';
import { listIssues } from './issue-list.js';
import { boardIssues, requireBoard } from './lookup.js';

export const getAllBoards: Handler = (ctx) => {
  const st = store(ctx);
  let bs = [...st.boards.values()];
  if (ctx.query.type) bs = bs.filter((b) => String(ctx.query.type).split(',').includes(b.type));
  if (ctx.query.name) bs = bs.filter((b) => b.name.toLowerCase().includes(String(ctx.query.name).toLowerCase()));
  if (ctx.query.projectKeyOrId) {
    const p = st.project(String(ctx.query.projectKeyOrId));
    bs = p ? bs.filter((b) => b.projectId === p.id) : [];
  }
  const p = page(bs, ctx.query.startAt, ctx.query.maxResults, 50, 50);
  const r = rc(ctx);
  return json(200, {
    maxResults: p.maxResults,
    startAt: p.startAt,
    total: p.total,
    isLast: p.isLast,
    values: p.values.map((b) => boardBean(r, b)),
  });
};

export const getBoard: Handler = (ctx) => json(200, boardBean(rc(ctx), requireBoard(ctx)));

export const getConfiguration: Handler = (ctx) => {
  const b = requireBoard(ctx);
  const st = store(ctx);
  const p = st.projects.get(b.projectId)!;
  const out: Record<string, unknown> = {
    id: b.id,
    name: b.name,
    type: b.type,
    self: `${ctx.base}/rest/agile/1.0/board/${b.id}/configuration`,
    location: { type: 'project', projectKeyOrId: p.key },
    filter: { id: String(10000 + b.id), self: `${ctx.base}/rest/api/3/filter/${10000 + b.id}` },
    columnConfig: {
      columns: b.columns.map((c) => ({
        name: c.name,
        statuses: c.statusIds.map((id) => ({ id, self: `${ctx.base}/rest/api/3/status/${id}` })),
      })),
      constraintType: 'issueCount',
    },
    ranking: { rankCustomFieldId: 10019 },
  };
  if (b.type === 'kanban') out.subQuery = { query: 'resolution = EMPTY OR resolution changed after -2w' };
  if (b.estimationFieldId)
    out.estimation = {
      type: 'field',
      field: { fieldId: b.estimationFieldId, displayName: st.fields.get(b.estimationFieldId)?.name ?? 'Story Points' },
    };
  return json(200, out);
};

export const getIssuesForBoard: Handler = (ctx) => {
  const b = requireBoard(ctx);
  return listIssues(ctx, boardIssues(store(ctx), b));
};
