// Tasks through v2, read from the storage of pages and blog posts (`<ac:task>` with its
// `ac:task-id`): list with filters, get, and complete / reopen (which rewrites `ac:task-status`
// in the storage, without a new page version, as checking a box does on Cloud).
import { json, type SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { canRead, fail, iso, pageV2, store } from '../context.js';
import type { Content } from '../model.js';
import { current } from '../render/v2.js';

interface TaskRef {
  id: string;
  localId: string;
  content: Content;
  status: 'complete' | 'incomplete';
  body: string;
  /** Offset of the `<ac:task-status>` value in the storage. */
  statusAt: number;
}

const TASK = /<ac:task>([\s\S]*?)<\/ac:task>/g;

function tasksOf(c: Content): TaskRef[] {
  const out: TaskRef[] = [];
  let n = 0;
  for (const m of c.body.matchAll(TASK)) {
    n++;
    const inner = m[1]!;
    const localId = /<ac:task-id>([^<]*)<\/ac:task-id>/.exec(inner)?.[1] ?? String(n);
    const st = /<ac:task-status>(complete|incomplete)<\/ac:task-status>/.exec(inner);
    if (!st) continue;
    const num = /^\d{1,3}$/.test(localId) ? Number(localId) : n;
    out.push({
      id: String(Number(c.id) * 1000 + num),
      localId,
      content: c,
      status: st[1] as TaskRef['status'],
      body: /<ac:task-body>([\s\S]*?)<\/ac:task-body>/.exec(inner)?.[1] ?? '',
      statusAt: m.index! + '<ac:task>'.length + st.index + '<ac:task-status>'.length,
    });
  }
  return out;
}

function taskV2(ctx: HandlerContext, t: TaskRef, bodyFormat?: string): Record<string, unknown> {
  const c = t.content;
  const assignee = /<ri:user\s+ri:account-id="([^"]+)"/.exec(t.body)?.[1];
  const due = /<time datetime="(\d{4}-\d\d-\d\d)"/.exec(t.body)?.[1];
  const updated = current(c);
  return {
    id: t.id,
    localId: t.localId,
    spaceId: c.spaceId,
    ...(c.type === 'blogpost' ? { blogPostId: c.id } : { pageId: c.id }),
    status: t.status,
    ...(bodyFormat === 'storage' ? { body: { storage: { representation: 'storage', value: t.body } } } : {}),
    createdBy: c.authorId,
    ...(assignee ? { assignedTo: assignee } : {}),
    ...(t.status === 'complete' ? { completedBy: updated.authorId, completedAt: iso(updated.createdAt) } : {}),
    createdAt: iso(c.createdAt),
    updatedAt: iso(updated.createdAt),
    ...(due ? { dueAt: `${due}T00:00:00.000Z` } : {}),
  };
}

function allTasks(ctx: HandlerContext): TaskRef[] {
  const s = store(ctx);
  return [...s.contents.values()]
    .filter((c) => c.status === 'current' && c.type !== 'folder' && canRead(s, c, ctx.accountId))
    .flatMap(tasksOf);
}

export function getTasks(ctx: HandlerContext): SandboxResponse {
  const q = ctx.query;
  const list = (k: string) => (q[k] !== undefined ? [q[k]].flat().map(String) : undefined);
  const [ids, spaces, pages, blogs, creators, assignees] = [
    'task-id',
    'space-id',
    'page-id',
    'blogpost-id',
    'created-by',
    'assigned-to',
  ].map(list);
  const items = allTasks(ctx).filter((t) => {
    const v = taskV2(ctx, t);
    return (
      (!q.status || t.status === q.status) &&
      (!ids || ids.includes(t.id)) &&
      (!spaces || spaces.includes(t.content.spaceId)) &&
      (!pages || pages.includes(t.content.id)) &&
      (!blogs || blogs.includes(t.content.id)) &&
      (!creators || creators.includes(String(v.createdBy))) &&
      (!assignees || assignees.includes(String(v.assignedTo))) &&
      (q['include-blank-tasks'] !== false || t.body.trim() !== '')
    );
  });
  return pageV2(ctx, items, (t) => taskV2(ctx, t, q['body-format']));
}

function taskOr404(ctx: HandlerContext): TaskRef {
  const t = allTasks(ctx).find((x) => x.id === String(ctx.params.id));
  if (!t) throw fail(ctx, 404, 'Not Found');
  return t;
}

export const getTaskById = (ctx: HandlerContext) => json(200, taskV2(ctx, taskOr404(ctx), ctx.query['body-format']));

export function updateTask(ctx: HandlerContext): SandboxResponse {
  const t = taskOr404(ctx);
  const status = (ctx.body as { status: 'complete' | 'incomplete' }).status;
  const c = t.content;
  c.body = `${c.body.slice(0, t.statusAt)}${status}${c.body.slice(t.statusAt + t.status.length)}`;
  current(c).body = c.body;
  store(ctx).touch();
  return json(200, taskV2(ctx, { ...t, status }, 'storage'));
}
