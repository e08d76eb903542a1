// Writes shared by pages and blog posts (v2) and the v1 content operations: body checks (storage
// only, well-formed like Confluence demands), title rules, versioning with the stale-version
// 409, and the inline-comment markers a new body may have dropped.
import type { HandlerContext } from '../core/product.js';
import { fail, store } from './context.js';
import type { Content, VersionRecord } from './model.js';
import { markerRefs, storageError } from './storage.js';

/** The storage value of a v2 body (`{representation, value}` or `{storage: {…}}`); 400 on anything else. */
export function readBody(ctx: HandlerContext, body: any, required = true): string | undefined {
  if (body === undefined || body === null) {
    if (required) throw fail(ctx, 400, 'A body is required.');
    return undefined;
  }
  let rep: string | undefined = body.representation;
  let value: unknown = body.value;
  if (!rep) {
    const nested = Object.keys(body).filter((k) => body[k] && typeof body[k] === 'object');
    if (nested.length !== 1) throw fail(ctx, 400, 'Exactly one body representation must be provided.');
    rep = nested[0]!;
    value = body[rep].value;
  }
  if (rep !== 'storage')
    throw fail(
      ctx,
      400,
      `The sandbox stores bodies in the storage representation only; '${rep}' is not supported here. Send representation "storage".`,
    );
  if (typeof value !== 'string') throw fail(ctx, 400, 'The body value must be a string.');
  return checkStorage(ctx, value);
}

/** 400 (Confluence's "Error parsing xhtml") unless the storage is well-formed. */
export function checkStorage(ctx: HandlerContext, value: string): string {
  const err = storageError(value);
  if (err) throw fail(ctx, 400, err);
  if (Buffer.byteLength(value) > 5 * 1024 * 1024) throw fail(ctx, 413, 'The request is too large (over 5 MB).');
  return value;
}

/** 400 when another current page of the space has this title (blog posts may repeat titles). */
export function checkTitle(
  ctx: HandlerContext,
  c: Pick<Content, 'type' | 'spaceId'> & { id?: string },
  title: string,
): void {
  if (!title.trim()) throw fail(ctx, 400, 'Title cannot be empty.');
  if (title.length > 255) throw fail(ctx, 400, 'Title cannot be longer than 255 characters.');
  if (c.type === 'blogpost') return;
  for (const o of store(ctx).contents.values()) {
    if (
      o.id !== c.id &&
      o.spaceId === c.spaceId &&
      o.type === 'page' &&
      o.status === 'current' &&
      o.title.toLowerCase() === title.toLowerCase()
    )
      throw fail(
        ctx,
        400,
        'A page with this title already exists: A page already exists with the same TITLE in this space',
      );
  }
}

/** 409 unless `number` is the current version plus one (Confluence's optimistic lock). */
export function checkVersion(ctx: HandlerContext, c: { versions: VersionRecord[] }, number: unknown): void {
  const cur = c.versions[c.versions.length - 1]!.number;
  if (typeof number !== 'number') throw fail(ctx, 400, 'The new version number is required (version.number).');
  if (number !== cur + 1)
    throw fail(ctx, 409, `Version must be incremented on update. Current version is: ${cur}`, [
      `Version must be incremented on update. Current version is: ${cur}`,
    ]);
}

/** Saves a new version of a page, blog post or comment. */
export function saveVersion(
  ctx: HandlerContext,
  c: { versions: VersionRecord[]; title?: string; body?: string },
  change: { title: string; body: string; message?: string; minorEdit?: boolean },
): VersionRecord {
  const cur = c.versions[c.versions.length - 1]!;
  const v: VersionRecord = {
    number: cur.number + 1,
    authorId: ctx.accountId,
    createdAt: ctx.now,
    message: change.message ?? '',
    minorEdit: change.minorEdit ?? false,
    title: change.title,
    body: change.body,
  };
  c.versions.push(v);
  if ('title' in c) c.title = change.title;
  if ('body' in c) c.body = change.body;
  return v;
}

/** Inline comments whose marker the new body no longer has become `dangling`; found again, `open`. */
export function reanchorInlineComments(ctx: HandlerContext, c: Content): void {
  const refs = markerRefs(c.body);
  for (const cm of store(ctx).comments.values()) {
    if (cm.containerId !== c.id || !cm.inline) continue;
    const present = refs.has(cm.inline.markerRef);
    if (!present && cm.inline.resolutionStatus !== 'dangling') cm.inline.resolutionStatus = 'dangling';
    else if (present && cm.inline.resolutionStatus === 'dangling') cm.inline.resolutionStatus = 'open';
  }
}

/** 400 unless `parentId` is a page or folder of the same space, outside the moved page's subtree. */
export function checkParent(
  ctx: HandlerContext,
  c: Pick<Content, 'spaceId'> & { id?: string },
  parentId: string,
): Content {
  const s = store(ctx);
  const p = s.contents.get(String(parentId));
  if (!p || p.status !== 'current' || p.type === 'blogpost')
    throw fail(ctx, 400, `The parent ${parentId} is not a page or folder.`);
  if (p.spaceId !== c.spaceId)
    throw fail(ctx, 400, 'The parent is in another space; moving between spaces needs the v1 move API.');
  if (c.id && (p.id === c.id || s.isDescendant(p.id, c.id)))
    throw fail(ctx, 400, 'A page cannot be moved under itself or one of its descendants.');
  return p;
}
