// Page archiving through v1 (v2 has none): `POST /content/archive` takes the pages and answers
// 202 with a long task; `GET /longtask/{id}` says how it went. As on a Standard site, one page per
// request; the sandbox finishes the task at once (Cloud takes a moment).
import { json, type SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { assertCanEdit, fail, store, wikiBase } from '../context.js';
import type { ConfluenceStore } from '../store.js';

interface ArchiveTask {
  id: string;
  pageIds: string[];
  at: number;
}

const tasks = new WeakMap<ConfluenceStore, Map<string, ArchiveTask>>();

function tasksOf(ctx: HandlerContext): Map<string, ArchiveTask> {
  let m = tasks.get(store(ctx));
  if (!m) tasks.set(store(ctx), (m = new Map()));
  return m;
}

export function archivePages(ctx: HandlerContext): SandboxResponse {
  const s = store(ctx);
  const ids = ((ctx.body as { pages?: Array<{ id: number | string }> } | undefined)?.pages ?? []).map((p) =>
    String(p.id),
  );
  if (ids.length === 0) throw fail(ctx, 400, 'No pages to archive were given.');
  if (ids.length > 1)
    throw fail(ctx, 400, 'Archiving more than one page per request is only available on Confluence Premium.');
  for (const id of ids) {
    const page = s.contents.get(id);
    if (!page || page.type !== 'page' || page.status === 'deleted' || page.status === 'trashed')
      throw fail(ctx, 400, `Content id ${id} does not resolve to a page.`);
    if (page.status === 'archived') throw fail(ctx, 400, `Page ${id} is already archived.`);
    assertCanEdit(ctx, page);
  }
  for (const id of ids) s.contents.get(id)!.status = 'archived';
  s.touch();
  const task = { id: `archive-${ids.join('-')}`, pageIds: ids, at: ctx.now };
  tasksOf(ctx).set(task.id, task);
  return json(202, { id: task.id, links: { status: `/rest/api/longtask/${task.id}` } });
}

export function getTask(ctx: HandlerContext): SandboxResponse {
  const task = tasksOf(ctx).get(ctx.params.id!);
  if (!task) throw fail(ctx, 404, `No long task found with id: ${ctx.params.id}`);
  return json(200, {
    id: task.id,
    name: { key: 'com.atlassian.confluence.pages.archive.longtask.name', args: [] },
    elapsedTime: 0,
    percentageComplete: 100,
    successful: true,
    finished: true,
    messages: [],
    status: 'COMPLETED',
    _links: { base: wikiBase(ctx), context: '/wiki', self: `${wikiBase(ctx)}/rest/api/longtask/${task.id}` },
  });
}
