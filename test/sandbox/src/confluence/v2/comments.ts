// Footer and inline comments through v2: lists per page / blog post / attachment, replies,
// get, create (inline ones anchored to the n-th occurrence of a text selection, which wraps it
// in an `<ac:inline-comment-marker>` in the page storage), update (version-checked; inline ones
// resolve and reopen), delete (an inline root's marker is unwrapped).
import { empty, json, type SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import {
  commentOr404,
  containerReadable,
  contentOr404,
  fail,
  iso,
  pageV2,
  store,
  webui,
  wikiBase,
} from '../context.js';
import type { Comment, Content } from '../model.js';
import { findSelection, unwrapMarker, wrapSelection } from '../storage.js';
import { bodyV2, current, versionV2 } from '../render/v2.js';
import { checkVersion, readBody, saveVersion } from '../write.js';
import { uuidFrom } from '../ids.js';

const root = (ctx: HandlerContext, c: Comment): Comment => {
  let r = c;
  const seen = new Set<string>();
  while (r.parentCommentId && !seen.has(r.id)) {
    seen.add(r.id);
    r = store(ctx).comments.get(r.parentCommentId) ?? r;
  }
  return r;
};

export function commentV2(
  ctx: HandlerContext,
  c: Comment,
  bodyFormat?: string,
  version = current(c),
): Record<string, unknown> {
  const s = store(ctx);
  const container = s.contents.get(c.containerId);
  const where =
    c.containerType === 'page'
      ? { pageId: c.containerId }
      : c.containerType === 'blogpost'
        ? { blogPostId: c.containerId }
        : { attachmentId: c.containerId };
  const out: Record<string, unknown> = {
    id: c.id,
    status: c.status,
    title: version.title,
    ...where,
    ...(c.parentCommentId ? { parentCommentId: c.parentCommentId } : {}),
    version: versionV2(version),
    body: bodyV2(version.body, bodyFormat),
    _links: { webui: container ? `${webui(s, container)}?focusedCommentId=${c.id}` : '' },
  };
  if (c.kind === 'inline') {
    const anchor = root(ctx, c).inline;
    if (anchor) {
      out.resolutionStatus = anchor.resolutionStatus;
      if (anchor.resolutionLastModifierId) out.resolutionLastModifierId = anchor.resolutionLastModifierId;
      if (anchor.resolutionLastModifiedAt) out.resolutionLastModifiedAt = iso(anchor.resolutionLastModifiedAt);
      if (c.inline)
        out.properties = { inlineMarkerRef: anchor.markerRef, inlineOriginalSelection: anchor.originalSelection };
    }
  }
  return out;
}

const SORTS: Record<string, (a: Comment, b: Comment) => number> = {
  'created-date': (a, b) => a.createdAt - b.createdAt || Number(a.id) - Number(b.id),
  'modified-date': (a, b) => current(a).createdAt - current(b).createdAt || Number(a.id) - Number(b.id),
};

function listed(ctx: HandlerContext, items: Comment[]): SandboxResponse {
  const sort = String(ctx.query.sort ?? 'created-date');
  const desc = sort.startsWith('-');
  const cmp = SORTS[desc ? sort.slice(1) : sort] ?? SORTS['created-date']!;
  items.sort((a, b) => (desc ? -cmp(a, b) : cmp(a, b)));
  return pageV2(ctx, items, (c) => commentV2(ctx, c, ctx.query['body-format']));
}

function topLevel(ctx: HandlerContext, containerId: string, kind: Comment['kind']): SandboxResponse {
  const statuses: string[] = ctx.query.status ? [ctx.query.status].flat() : ['current'];
  const resolution: string[] | undefined = ctx.query['resolution-status']
    ? [ctx.query['resolution-status']].flat()
    : undefined;
  const items = [...store(ctx).comments.values()].filter(
    (c) =>
      c.containerId === containerId &&
      c.kind === kind &&
      !c.parentCommentId &&
      statuses.includes(c.status) &&
      (!resolution || (c.inline && resolution.includes(c.inline.resolutionStatus))),
  );
  return listed(ctx, items);
}

export const getPageFooterComments = (ctx: HandlerContext) =>
  topLevel(ctx, contentOr404(ctx, ctx.params.id!, 'page').id, 'footer');
export const getPageInlineComments = (ctx: HandlerContext) =>
  topLevel(ctx, contentOr404(ctx, ctx.params.id!, 'page').id, 'inline');
export const getBlogPostFooterComments = (ctx: HandlerContext) =>
  topLevel(ctx, contentOr404(ctx, ctx.params.id!, 'blogpost').id, 'footer');
export const getBlogPostInlineComments = (ctx: HandlerContext) =>
  topLevel(ctx, contentOr404(ctx, ctx.params.id!, 'blogpost').id, 'inline');

export function getAttachmentComments(ctx: HandlerContext): SandboxResponse {
  const id = String(ctx.params.id).startsWith('att') ? String(ctx.params.id) : `att${ctx.params.id}`;
  if (!store(ctx).attachments.get(id)) throw fail(ctx, 404, 'Not Found');
  return topLevel(ctx, id, 'footer');
}

const all = (ctx: HandlerContext, kind: Comment['kind']) =>
  listed(
    ctx,
    [...store(ctx).comments.values()].filter(
      (c) => c.kind === kind && c.status === 'current' && containerReadable(ctx, c.containerId),
    ),
  );
export const getFooterComments = (ctx: HandlerContext) => all(ctx, 'footer');
export const getInlineComments = (ctx: HandlerContext) => all(ctx, 'inline');

function getOne(ctx: HandlerContext, kind: Comment['kind']): SandboxResponse {
  const c = commentOr404(ctx, ctx.params['comment-id']!, kind);
  let version;
  if (ctx.query.version !== undefined) {
    version = c.versions.find((v) => v.number === Number(ctx.query.version));
    if (!version) throw fail(ctx, 404, 'Not Found');
  }
  const out = commentV2(ctx, c, ctx.query['body-format'], version);
  if (ctx.query['include-versions'])
    out.versions = {
      results: [...c.versions].reverse().map(versionV2),
      meta: { hasMore: false, cursor: '' },
      _links: { self: '' },
    };
  if (ctx.query['include-version'] === false) delete out.version;
  return json(200, { ...out, _links: { ...(out._links as object), base: wikiBase(ctx) } });
}
export const getFooterCommentById = (ctx: HandlerContext) => getOne(ctx, 'footer');
export const getInlineCommentById = (ctx: HandlerContext) => getOne(ctx, 'inline');

function children(ctx: HandlerContext, kind: Comment['kind']): SandboxResponse {
  const c = commentOr404(ctx, ctx.params.id!, kind);
  const items = [...store(ctx).comments.values()].filter((x) => x.parentCommentId === c.id && x.status === 'current');
  return listed(ctx, items);
}
export const getFooterCommentChildren = (ctx: HandlerContext) => children(ctx, 'footer');
export const getInlineCommentChildren = (ctx: HandlerContext) => children(ctx, 'inline');

/** Where a new comment goes: exactly one of pageId / blogPostId / attachmentId / parentCommentId. */
function placement(
  ctx: HandlerContext,
  b: Record<string, any>,
  kind: Comment['kind'],
): { containerId: string; containerType: Comment['containerType']; parent?: Comment; container?: Content } {
  const given = ['pageId', 'blogPostId', 'attachmentId', 'customContentId', 'parentCommentId'].filter(
    (k) => b[k] !== undefined,
  );
  if (given.length !== 1)
    throw fail(ctx, 400, 'Provide exactly one of pageId, blogPostId, attachmentId or parentCommentId.');
  if (b.parentCommentId !== undefined) {
    const parent = commentOr404(ctx, String(b.parentCommentId));
    if (parent.kind !== kind) throw fail(ctx, 400, `Comment ${parent.id} is not a ${kind} comment.`);
    return { containerId: parent.containerId, containerType: parent.containerType, parent };
  }
  if (b.pageId !== undefined) {
    const page = contentOr404(ctx, String(b.pageId), 'page');
    return { containerId: page.id, containerType: 'page', container: page };
  }
  if (b.blogPostId !== undefined) {
    const post = contentOr404(ctx, String(b.blogPostId), 'blogpost');
    return { containerId: post.id, containerType: 'blogpost', container: post };
  }
  if (kind === 'inline') throw fail(ctx, 400, 'Inline comments belong to a page or blog post.');
  if (b.customContentId !== undefined) throw fail(ctx, 400, 'The sandbox has no custom content.');
  const id = String(b.attachmentId).startsWith('att') ? String(b.attachmentId) : `att${b.attachmentId}`;
  if (!store(ctx).attachments.get(id)) throw fail(ctx, 404, 'Not Found');
  return { containerId: id, containerType: 'attachment' };
}

function create(ctx: HandlerContext, kind: Comment['kind']): SandboxResponse {
  const s = store(ctx);
  const b = ctx.body as Record<string, any>;
  const where = placement(ctx, b, kind);
  const body = readBody(ctx, b.body)!;
  const title = `Re: ${s.contents.get(where.containerId)?.title ?? s.attachments.get(where.containerId)?.title ?? ''}`;
  const id = s.next('content');
  const comment: Comment = {
    id,
    kind,
    containerId: where.containerId,
    containerType: where.containerType,
    ...(where.parent ? { parentCommentId: where.parent.id } : {}),
    status: 'current',
    authorId: ctx.accountId,
    createdAt: ctx.now,
    versions: [{ number: 1, authorId: ctx.accountId, createdAt: ctx.now, message: '', minorEdit: false, title, body }],
  };
  if (kind === 'inline' && !where.parent) comment.inline = anchor(ctx, where.container!, b.inlineCommentProperties, id);
  s.comments.set(id, comment);
  s.touch();
  const out = commentV2(ctx, comment, 'storage');
  return json(
    201,
    { ...out, _links: { ...(out._links as object), base: wikiBase(ctx) } },
    { location: `${wikiBase(ctx)}/api/v2/${kind}-comments/${id}` },
  );
}

/** Wraps the chosen occurrence of the selection in a marker (the page keeps its version, as on Cloud). */
function anchor(ctx: HandlerContext, page: Content, props: any, commentId: string): Comment['inline'] {
  const selection = props?.textSelection;
  if (typeof selection !== 'string' || !selection)
    throw fail(ctx, 400, 'inlineCommentProperties.textSelection is required for a top-level inline comment.');
  const hits = findSelection(page.body, selection);
  const count = props.textSelectionMatchCount ?? hits.length;
  const index = props.textSelectionMatchIndex ?? 0;
  if (!hits.length)
    throw fail(
      ctx,
      400,
      `The text selection "${selection}" does not occur in the page text (selections within one paragraph and formatting run only).`,
    );
  if (count !== hits.length)
    throw fail(ctx, 400, `textSelectionMatchCount is ${count} but "${selection}" occurs ${hits.length} times.`);
  if (!Number.isInteger(index) || index < 0 || index >= hits.length)
    throw fail(ctx, 400, `textSelectionMatchIndex must be between 0 and ${hits.length - 1}.`);
  const ref = uuidFrom(`${page.id}:${commentId}`);
  page.body = wrapSelection(page.body, selection, index, ref);
  current(page).body = page.body;
  return { markerRef: ref, originalSelection: selection, resolutionStatus: 'open' };
}

export const createFooterComment = (ctx: HandlerContext) => create(ctx, 'footer');
export const createInlineComment = (ctx: HandlerContext) => create(ctx, 'inline');

function update(ctx: HandlerContext, kind: Comment['kind']): SandboxResponse {
  const s = store(ctx);
  const c = commentOr404(ctx, ctx.params['comment-id']!, kind);
  const b = ctx.body as Record<string, any>;
  if (b.body !== undefined) {
    checkVersion(ctx, c, b.version?.number);
    saveVersion(ctx, c, { title: current(c).title, body: readBody(ctx, b.body)!, message: b.version?.message });
  } else if (b.resolved === undefined)
    throw fail(ctx, 400, 'Nothing to update: send a body (with version.number) or resolved.');
  if (b.resolved !== undefined) {
    if (kind !== 'inline') throw fail(ctx, 400, 'Only inline comments are resolved.');
    const a = root(ctx, c).inline!;
    if (a.resolutionStatus === 'dangling')
      throw fail(ctx, 400, 'A dangling comment cannot be resolved or reopened: its highlighted text is gone.');
    const resolved = a.resolutionStatus === 'resolved';
    if (b.resolved !== resolved) {
      a.resolutionStatus = b.resolved ? 'resolved' : 'reopened';
      a.resolutionLastModifierId = ctx.accountId;
      a.resolutionLastModifiedAt = ctx.now;
    }
  }
  s.touch();
  return json(200, commentV2(ctx, c, 'storage'));
}
export const updateFooterComment = (ctx: HandlerContext) => update(ctx, 'footer');
export const updateInlineComment = (ctx: HandlerContext) => update(ctx, 'inline');

function remove(ctx: HandlerContext, kind: Comment['kind']): SandboxResponse {
  const s = store(ctx);
  const c = commentOr404(ctx, ctx.params['comment-id']!, kind);
  const under = (x: Comment): boolean => {
    for (let p = x.parentCommentId; p; p = s.comments.get(p)?.parentCommentId) if (p === c.id) return true;
    return false;
  };
  const doomed = [c, ...[...s.comments.values()].filter(under)];
  for (const x of doomed) x.status = 'deleted';
  const page = s.contents.get(c.containerId);
  if (c.inline && page) {
    page.body = unwrapMarker(page.body, c.inline.markerRef);
    current(page).body = page.body;
  }
  s.touch();
  return empty(204);
}
export const deleteFooterComment = (ctx: HandlerContext) => remove(ctx, 'footer');
export const deleteInlineComment = (ctx: HandlerContext) => remove(ctx, 'inline');
