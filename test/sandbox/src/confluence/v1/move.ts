// Page move and copy through v1: move before / after a sibling or append under a page (also
// into another space, subtree and all), copy to a space, under a parent or over an existing page.
import { json, type SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { assertCanEdit, contentOr404, fail, store } from '../context.js';
import type { Content } from '../model.js';
import { contentV1, expandSet } from '../render/v1.js';
import { checkStorage, saveVersion } from '../write.js';

/** 400 when another current page of the target space has this title (Confluence's move/copy rule). */
function titleFree(ctx: HandlerContext, spaceId: string, title: string, except?: string): void {
  for (const o of store(ctx).contents.values())
    if (
      o.id !== except &&
      o.spaceId === spaceId &&
      o.type === 'page' &&
      o.status === 'current' &&
      o.title.toLowerCase() === title.toLowerCase()
    )
      throw fail(
        ctx,
        400,
        `A page with this title already exists: a page called "${title}" is already in the target space. Rename the page before moving it.`,
      );
}

/** Siblings under `parentId` renumbered 0…n-1, with `page` last or just before / after `anchor`. */
function place(
  ctx: HandlerContext,
  page: Content,
  parentId: string | undefined,
  spaceId: string,
  anchor?: { id: string; after: boolean },
): void {
  const s = store(ctx);
  const siblings = [...s.contents.values()]
    .filter(
      (c) =>
        c.parentId === parentId &&
        c.spaceId === spaceId &&
        c.type !== 'blogpost' &&
        c.id !== page.id &&
        c.status === 'current',
    )
    .sort((a, b) => a.position - b.position || Number(a.id) - Number(b.id));
  const index = anchor ? siblings.findIndex((c) => c.id === anchor.id) + (anchor.after ? 1 : 0) : siblings.length;
  siblings.splice(index, 0, page);
  siblings.forEach((c, i) => (c.position = i));
  page.parentId = parentId;
}

export function movePage(ctx: HandlerContext): SandboxResponse {
  const s = store(ctx);
  const page = contentOr404(ctx, ctx.params.pageId!, 'page');
  const target = contentOr404(ctx, ctx.params.targetId!, 'page', 'folder');
  const position = ctx.params.position as 'before' | 'after' | 'append';
  assertCanEdit(ctx, page);
  if (page.id === target.id || s.isDescendant(target.id, page.id))
    throw fail(
      ctx,
      400,
      'The move would create a parent-child loop: the target is the page itself or one of its descendants.',
    );
  const space = s.spaces.get(page.spaceId)!;
  if (page.id === space.homepageId) throw fail(ctx, 400, 'The space homepage cannot be moved.');
  const targetSpace = s.spaces.get(target.spaceId)!;
  if ((position === 'before' || position === 'after') && target.id === targetSpace.homepageId)
    throw fail(ctx, 400, 'A page cannot be placed beside the space homepage; append it under a page instead.');
  if (target.spaceId !== page.spaceId) {
    titleFree(ctx, target.spaceId, page.title);
    for (const d of s.descendants(page.id)) {
      titleFree(ctx, target.spaceId, d.content.title);
      d.content.spaceId = target.spaceId;
    }
    page.spaceId = target.spaceId;
  }
  if (position === 'append') place(ctx, page, target.id, target.spaceId);
  else place(ctx, page, target.parentId, target.spaceId, { id: target.id, after: position === 'after' });
  s.touch();
  return json(200, { pageId: page.id });
}

export function copyPage(ctx: HandlerContext): SandboxResponse {
  const s = store(ctx);
  const source = contentOr404(ctx, ctx.params.id!, 'page');
  const b = ctx.body as {
    destination: { type: 'space' | 'existing_page' | 'parent_page'; value: string };
    pageTitle?: string;
    copyAttachments?: boolean;
    copyLabels?: boolean;
    copyProperties?: boolean;
    body?: { storage?: { value: string } };
  };
  const title = b.pageTitle ?? source.title;
  const body = b.body?.storage ? checkStorage(ctx, b.body.storage.value) : source.body;
  let copy: Content;
  if (b.destination.type === 'existing_page') {
    copy = contentOr404(ctx, b.destination.value, 'page');
    assertCanEdit(ctx, copy);
    if (title !== copy.title) titleFree(ctx, copy.spaceId, title, copy.id);
    saveVersion(ctx, copy, { title, body, message: `Copied from ${source.title}` });
  } else {
    let spaceId: string;
    let parentId: string | undefined;
    if (b.destination.type === 'space') {
      const space = s.spaceByKey(b.destination.value);
      if (!space) throw fail(ctx, 404, `No space with key : ${b.destination.value}`);
      spaceId = space.id;
      parentId = space.homepageId;
    } else {
      const parent = contentOr404(ctx, b.destination.value, 'page', 'folder');
      spaceId = parent.spaceId;
      parentId = parent.id;
    }
    titleFree(ctx, spaceId, title);
    const id = s.next('content');
    copy = {
      ...structuredClone(source),
      id,
      title,
      spaceId,
      parentId,
      position: s.nextPosition(parentId, spaceId),
      authorId: ctx.accountId,
      ownerId: ctx.accountId,
      createdAt: ctx.now,
      body,
      versions: [
        { number: 1, authorId: ctx.accountId, createdAt: ctx.now, message: '', minorEdit: false, title, body },
      ],
      labels: b.copyLabels ? [...source.labels] : [],
      properties: b.copyProperties ? structuredClone(source.properties) : {},
      restrictions: undefined,
    };
    s.contents.set(id, copy);
  }
  if (b.copyAttachments) {
    for (const a of s.attachmentsOf(source.id)) {
      if (s.attachmentsOf(copy.id).some((x) => x.title === a.title)) continue;
      const attId = `att${s.next('content')}`;
      s.attachments.set(attId, { ...structuredClone(a), id: attId, containerId: copy.id, containerType: 'page' });
    }
  }
  s.touch();
  return json(200, contentV1(ctx, copy, expandSet(ctx.query.expand ?? ['space', 'version'])));
}
