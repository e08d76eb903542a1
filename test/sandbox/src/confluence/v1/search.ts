// `GET /wiki/rest/api/search` (CQL over pages, blog posts, folders, comments, attachments and
// spaces, with excerpts, highlights, containers and cursor links) and `/content/search`.
import { json, type SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { canRead, fail, iso, store, webui, wikiBase } from '../context.js';
import { entities, type Entity } from '../cql/entities.js';
import { compileCql, type CompiledCql } from '../cql/evaluate.js';
import { CqlError } from '../cql/parser.js';
import { excerpt, mark } from '../cql/text.js';
import { attachmentV1, commentV1, contentV1, expandSet, friendly, spaceV1 } from '../render/v1.js';

const ICONS: Record<string, string> = {
  page: 'aui-icon content-type-page',
  blogpost: 'aui-icon content-type-blogpost',
  folder: 'aui-icon content-type-folder',
  comment: 'aui-icon content-type-comment',
  attachment: 'aui-icon content-type-attachment-image',
  space: 'aui-icon space-avatar',
};

/** Runs a CQL query: the matching entities in result order (400 in v1's shape on a bad query). */
export function runCql(ctx: HandlerContext, cql: string): { compiled: CompiledCql; hits: Entity[] } {
  let compiled: CompiledCql;
  let contextSpaceKey: string | undefined;
  try {
    contextSpaceKey = ctx.query.cqlcontext ? JSON.parse(String(ctx.query.cqlcontext)).spaceKey : undefined;
  } catch {
    throw fail(ctx, 400, `Could not parse cqlcontext : ${ctx.query.cqlcontext}`);
  }
  try {
    compiled = compileCql(cql, { now: ctx.now, accountId: ctx.accountId, contextSpaceKey });
  } catch (e) {
    if (e instanceof CqlError) throw fail(ctx, 400, `Could not parse cql : ${cql}`, [e.message]);
    throw e;
  }
  const s = store(ctx);
  const archived = ctx.query.includeArchivedSpaces === true;
  const hits = entities(s).filter((e) => {
    if (e.type === 'space' && !compiled.includeSpaces) return false;
    const page = e.ref.content ?? (e.containerId ? s.contents.get(e.containerId) : undefined);
    if (page && !canRead(s, page, ctx.accountId)) return false;
    if (!archived) {
      const sp = e.ref.space ?? s.spaceByKey(e.spaceKey);
      if (sp?.status === 'archived') return false;
    }
    return compiled.test(e);
  });
  return { compiled, hits: hits.sort(compiled.compare) };
}

function offsetOf(ctx: HandlerContext): number {
  const cursor = ctx.query.cursor;
  if (!cursor) return Number(ctx.query.start ?? 0);
  const m = /^start:(\d+)$/.exec(Buffer.from(String(cursor), 'base64url').toString('utf8'));
  if (!m) throw fail(ctx, 400, `Invalid cursor: ${cursor}`);
  return Number(m[1]);
}

function result(ctx: HandlerContext, e: Entity, compiled: CompiledCql, expand: Set<string>): Record<string, unknown> {
  const s = store(ctx);
  const mode = String(ctx.query.excerpt ?? 'highlight');
  const highlight = mode.startsWith('highlight');
  const unescaped = mode.endsWith('_unescaped');
  const base = {
    title: mark(e.title, compiled.text, highlight, unescaped),
    excerpt: mode === 'none' ? '' : excerpt(e.text(), compiled.text, highlight, unescaped),
    breadcrumbs: [] as unknown[],
    iconCssClass: ICONS[e.type]!,
    lastModified: iso(e.lastModified),
    friendlyLastModified: friendly(ctx.now, e.lastModified),
    score: compiled.score(e) || 1,
  };
  if (e.type === 'space') {
    const sp = e.ref.space!;
    return {
      space: spaceV1(ctx, sp, expandSet([...expand], 'space.')),
      ...base,
      excerpt: mode === 'none' ? '' : mark(sp.description, compiled.text, highlight, unescaped),
      url: `/spaces/${sp.key}`,
      entityType: 'space',
    };
  }
  const sp = s.spaceByKey(e.spaceKey)!;
  const global = { title: sp.name, displayUrl: `/spaces/${sp.key}` };
  const contentExpand = expandSet([...expand], 'content.');
  let content: Record<string, unknown>;
  let url: string;
  let parent: { title: string; displayUrl: string } | undefined;
  if (e.ref.content) {
    content = contentV1(ctx, e.ref.content, contentExpand);
    url = webui(s, e.ref.content);
  } else {
    const container = s.contents.get(e.containerId!)!;
    parent = { title: container.title, displayUrl: webui(s, container) };
    if (e.ref.comment) {
      content = commentV1(ctx, e.ref.comment, contentExpand);
      url = `${webui(s, container)}?focusedCommentId=${e.id}`;
    } else {
      content = attachmentV1(ctx, e.ref.attachment!, contentExpand);
      url = String((content._links as Record<string, string>).webui);
    }
  }
  return {
    content,
    ...base,
    url,
    ...(parent ? { resultParentContainer: parent } : {}),
    resultGlobalContainer: global,
    entityType: 'content',
  };
}

export function searchByCQL(ctx: HandlerContext): SandboxResponse {
  const cql = String(ctx.query.cql);
  const t0 = performance.now();
  const { compiled, hits } = runCql(ctx, cql);
  const limit = Math.min(Number(ctx.query.limit ?? 25), 1000);
  const start = offsetOf(ctx);
  const expand = expandSet(ctx.query.expand);
  const slice = hits.slice(start, start + limit);
  const links: Record<string, string> = { base: wikiBase(ctx), context: '/wiki' };
  const q = (cursorStart: number, dir: 'next' | 'prev') => {
    const p = new URLSearchParams();
    p.set(dir, 'true');
    p.set('cursor', Buffer.from(`start:${cursorStart}`).toString('base64url'));
    p.set('limit', String(limit));
    p.set('cql', cql);
    if (ctx.query.expand) p.set('expand', [ctx.query.expand].flat().join(','));
    return `/rest/api/search?${p.toString()}`;
  };
  if (start + limit < hits.length) links.next = q(start + limit, 'next');
  if (start > 0) links.prev = q(Math.max(0, start - limit), 'prev');
  links.self = `${wikiBase(ctx)}/rest/api/search?${new URLSearchParams(ctx.req.query).toString()}`;
  return json(200, {
    results: slice.map((e) => result(ctx, e, compiled, expand)),
    start,
    limit,
    size: slice.length,
    totalSize: hits.length,
    cqlQuery: cql,
    searchDuration: Math.round(performance.now() - t0),
    _links: links,
  });
}

/** `GET /wiki/rest/api/content/search`: the same query, answered as a content list. */
export function searchContentByCQL(ctx: HandlerContext): SandboxResponse {
  const cql = String(ctx.query.cql);
  const { hits } = runCql(ctx, cql);
  const limit = Math.min(Number(ctx.query.limit ?? 25), 1000);
  const start = offsetOf(ctx);
  const expand = expandSet(ctx.query.expand);
  const slice = hits.filter((e) => e.type !== 'space').slice(start, start + limit);
  const render = (e: Entity) =>
    e.ref.content
      ? contentV1(ctx, e.ref.content, expand)
      : e.ref.comment
        ? commentV1(ctx, e.ref.comment, expand)
        : attachmentV1(ctx, e.ref.attachment!, expand);
  const links: Record<string, string> = { base: wikiBase(ctx), context: '/wiki' };
  if (start + limit < hits.length) {
    const p = new URLSearchParams({ cql, limit: String(limit) });
    p.set('cursor', Buffer.from(`start:${start + limit}`).toString('base64url'));
    links.next = `/rest/api/content/search?${p.toString()}`;
  }
  return json(200, { results: slice.map(render), start, limit, size: slice.length, _links: links });
}
