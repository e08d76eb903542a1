// Agile records → the agile API's beans: board, epic and sprint.
import type { HandlerContext } from '../../core/product.js';
import { isoTime } from '../format.js';
import type { Board, Issue, Sprint } from '../model.js';
import { projectAvatarUrls, type RenderCtx } from '../render.js';
import { store } from '../routes/util.js';

export function boardBean(r: RenderCtx, b: Board) {
  const p = r.store.projects.get(b.projectId)!;
  return {
    id: b.id,
    self: `${r.base}/rest/agile/1.0/board/${b.id}`,
    name: b.name,
    type: b.type,
    location: {
      projectId: Number(p.id),
      displayName: `${p.name} (${p.key})`,
      projectName: p.name,
      projectKey: p.key,
      projectTypeKey: p.projectTypeKey,
      avatarURI: projectAvatarUrls(r, p)['48x48']!,
      name: `${p.name} (${p.key})`,
    },
    isPrivate: false,
  };
}

export function epicBean(ctx: HandlerContext, e: Issue) {
  const st = store(ctx);
  const n = Number(e.id) % 14;
  return {
    id: Number(e.id),
    key: e.key,
    self: `${ctx.base}/rest/agile/1.0/epic/${e.id}`,
    name: e.fields.summary,
    summary: e.fields.summary,
    color: { key: `color_${n + 1}` },
    done: st.statuses.get(e.fields.status)?.categoryId === 3,
  };
}

export function sprintView(ctx: HandlerContext, s: Sprint) {
  const out: Record<string, unknown> = {
    id: s.id,
    self: `${ctx.base}/rest/agile/1.0/sprint/${s.id}`,
    state: s.state,
    name: s.name,
  };
  if (s.startDate !== undefined) out.startDate = isoTime(s.startDate);
  if (s.endDate !== undefined) out.endDate = isoTime(s.endDate);
  if (s.completeDate !== undefined) out.completeDate = isoTime(s.completeDate);
  out.createdDate = isoTime(s.createdDate);
  out.originBoardId = s.originBoardId;
  out.goal = s.goal;
  return out;
}
