// v1 beans (`/wiki/rest/api`): content (pages, blog posts, comments, attachments) with `expand`,
// spaces, users, versions and labels.
import type { HandlerContext } from '../../core/product.js';
import { iso, store, tinyui, webui, wikiBase } from '../context.js';
import type { Attachment, Comment, Content, Label, Space, VersionRecord } from '../model.js';
import { storageToView } from './view.js';
import { attachmentDownload } from './attachment.js';

/** `expand=a.b,c` → a set with every prefix (`a`, `a.b`, `c`). */
export function expandSet(expand: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  const items = Array.isArray(expand) ? expand : typeof expand === 'string' ? expand.split(',') : [];
  for (const raw of items as string[]) {
    const e = raw.trim();
    if (!e.startsWith(prefix)) continue;
    const parts = e.slice(prefix.length).split('.');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('.'));
  }
  return out;
}

export function userV1(ctx: HandlerContext, accountId: string): Record<string, unknown> {
  const u = store(ctx).user(accountId);
  if (!u) return { type: 'unknown', accountId, displayName: 'Unknown user', _links: {} };
  return {
    type: 'known',
    accountId: u.accountId,
    accountType: 'atlassian',
    email: u.emailAddress,
    publicName: u.displayName,
    profilePicture: { path: `/wiki/aa-avatar/${u.accountId}`, width: 48, height: 48, isDefault: false },
    displayName: u.displayName,
    timeZone: u.timeZone,
    isExternalCollaborator: false,
    accountStatus: u.active ? 'active' : 'inactive',
    _expandable: { operations: '', personalSpace: '' },
    _links: { self: `${wikiBase(ctx)}/rest/api/user?accountId=${u.accountId}` },
  };
}

export function spaceV1(ctx: HandlerContext, sp: Space, expand = new Set<string>()): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: Number(sp.id),
    key: sp.key,
    name: sp.name,
    type: sp.type,
    status: sp.status,
    _expandable: {
      settings: `/rest/api/space/${sp.key}/settings`,
      metadata: '',
      operations: '',
      lookAndFeel: `/rest/api/settings/lookandfeel?spaceKey=${sp.key}`,
      identifiers: '',
      permissions: '',
      icon: '',
      description: '',
      theme: `/rest/api/space/${sp.key}/theme`,
      history: '',
      homepage: `/rest/api/content/${sp.homepageId}`,
    },
    _links: { webui: `/spaces/${sp.key}`, self: `${wikiBase(ctx)}/rest/api/space/${sp.key}` },
  };
  if (expand.has('description'))
    out.description = { plain: { value: sp.description, representation: 'plain', embeddedContent: [] } };
  if (expand.has('history')) out.history = { createdDate: iso(sp.createdAt), createdBy: userV1(ctx, sp.authorId) };
  if (expand.has('icon')) out.icon = { path: `/wiki/aa-avatar/${sp.id}`, width: 48, height: 48, isDefault: false };
  return out;
}

export function versionV1(ctx: HandlerContext, v: VersionRecord, contentId: string): Record<string, unknown> {
  return {
    by: userV1(ctx, v.authorId),
    when: iso(v.createdAt),
    friendlyWhen: friendly(ctx.now, v.createdAt),
    message: v.message,
    number: v.number,
    minorEdit: v.minorEdit,
    contentTypeModified: false,
    _expandable: { collaborators: '', content: `/rest/api/content/${contentId}` },
    _links: { self: `${wikiBase(ctx)}/rest/api/content/${contentId}/version/${v.number}` },
  };
}

export const labelV1 = (l: Label) => ({ prefix: l.prefix, name: l.name, id: l.id, label: l.name });

export function labelsV1(labels: Label[]) {
  return { results: labels.map(labelV1), start: 0, limit: 200, size: labels.length, _links: {} };
}

/** "about 3 hours ago", "Nov 02, 2026" — Confluence's `friendlyWhen`. */
export function friendly(now: number, at: number): string {
  const mins = Math.round((now - at) / 60_000);
  if (mins < 1) return 'just a moment ago';
  if (mins < 60) return `${mins} minute${mins === 1 ? '' : 's'} ago`;
  const hours = Math.round(mins / 60);
  if (hours < 24) return `about ${hours} hour${hours === 1 ? '' : 's'} ago`;
  if (hours < 48) return 'yesterday';
  const d = new Date(at);
  const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${month} ${String(d.getUTCDate()).padStart(2, '0')}, ${d.getUTCFullYear()}`;
}

function bodyV1(storage: string, expand: Set<string>, id: string) {
  const out: Record<string, unknown> = {};
  const expandable: Record<string, string> = {};
  for (const rep of ['storage', 'view', 'export_view', 'styled_view', 'editor', 'atlas_doc_format']) {
    if (expand.has(`body.${rep}`))
      out[rep] = {
        value: rep === 'storage' || rep === 'editor' ? storage : storageToView(storage),
        representation: rep,
        embeddedContent: [],
        _expandable: { content: `/rest/api/content/${id}` },
      };
    else expandable[rep] = '';
  }
  return { ...out, _expandable: expandable };
}

/** A page or blog post. */
export function contentV1(ctx: HandlerContext, c: Content, expand = new Set<string>()): Record<string, unknown> {
  const s = store(ctx);
  const sp = s.spaces.get(c.spaceId)!;
  const cur = c.versions[c.versions.length - 1]!;
  const out: Record<string, unknown> = { id: c.id, type: c.type, status: c.status, title: c.title };
  const expandable: Record<string, string> = {};
  const want = (key: string, make: () => unknown, link = '') => {
    if (expand.has(key)) out[key] = make();
    else expandable[key] = link;
  };
  want('space', () => spaceV1(ctx, sp, expandSet([...expand], 'space.')), `/rest/api/space/${sp.key}`);
  want('history', () => historyV1(ctx, c, expand), `/rest/api/content/${c.id}/history`);
  want('version', () => versionV1(ctx, cur, c.id));
  want('ancestors', () => s.ancestors(c).map((a) => contentV1(ctx, a)));
  want('container', () => spaceV1(ctx, sp), `/rest/api/space/${sp.key}`);
  want('body', () => bodyV1(c.body, expand, c.id));
  want('metadata', () => ({
    labels: labelsV1(c.labels.map((id) => s.labels.get(id)!)),
    _expandable: { currentuser: '', comments: '', properties: '', frontend: '', likes: '' },
  }));
  want('children', () => childrenV1(ctx, c, expand), `/rest/api/content/${c.id}/child`);
  want('descendants', () => ({}), `/rest/api/content/${c.id}/descendant`);
  for (const k of ['childTypes', 'schedulePublishDate', 'schedulePublishInfo', 'operations', 'restrictions'])
    expandable[k] = '';
  out.extensions = { position: c.type === 'page' ? c.position : 'none' };
  out._expandable = expandable;
  out._links = {
    webui: webui(s, c),
    edit: `/pages/resumedraft.action?draftId=${c.id}`,
    tinyui: tinyui(c.id),
    self: `${wikiBase(ctx)}/rest/api/content/${c.id}`,
  };
  return out;
}

function historyV1(
  ctx: HandlerContext,
  c: { id: string; authorId: string; createdAt: number; versions: VersionRecord[] },
  expand: Set<string>,
) {
  const cur = c.versions[c.versions.length - 1]!;
  const out: Record<string, unknown> = {
    latest: true,
    createdBy: userV1(ctx, c.authorId),
    createdDate: iso(c.createdAt),
    _expandable: {
      lastUpdated: '',
      previousVersion: '',
      contributors: '',
      nextVersion: '',
      ownedBy: '',
      lastOwnedBy: '',
    },
    _links: { self: `${wikiBase(ctx)}/rest/api/content/${c.id}/history` },
  };
  if (expand.has('history.lastUpdated')) out.lastUpdated = versionV1(ctx, cur, c.id);
  if (expand.has('history.previousVersion') && c.versions.length > 1)
    out.previousVersion = versionV1(ctx, c.versions[c.versions.length - 2]!, c.id);
  if (expand.has('history.contributors')) {
    const ids = [...new Set(c.versions.map((v) => v.authorId))];
    out.contributors = { publishers: { users: ids.map((id) => userV1(ctx, id)), userAccountIds: ids } };
  }
  return out;
}

function childrenV1(ctx: HandlerContext, c: Content, expand: Set<string>) {
  const s = store(ctx);
  const out: Record<string, unknown> = {};
  const arr = (results: unknown[]) => ({ results, start: 0, limit: 25, size: results.length, _links: {} });
  if (expand.has('children.page'))
    out.page = arr(
      s
        .children(c.id)
        .filter((x) => x.type === 'page')
        .map((x) => contentV1(ctx, x)),
    );
  if (expand.has('children.attachment')) out.attachment = arr(s.attachmentsOf(c.id).map((a) => attachmentV1(ctx, a)));
  if (expand.has('children.comment')) out.comment = arr(s.commentsOf(c.id).map((x) => commentV1(ctx, x)));
  return { ...out, _expandable: { attachment: '', comment: '', page: '' } };
}

export function attachmentV1(ctx: HandlerContext, a: Attachment, expand = new Set<string>()): Record<string, unknown> {
  const s = store(ctx);
  const cur = a.versions[a.versions.length - 1]!;
  const container = s.contents.get(a.containerId)!;
  const out: Record<string, unknown> = {
    id: a.id,
    type: 'attachment',
    status: a.status,
    title: a.title,
    metadata: {
      mediaType: cur.mediaType,
      comment: a.comment,
      labels: labelsV1(a.labels.map((id) => s.labels.get(id)!)),
    },
    extensions: {
      mediaType: cur.mediaType,
      fileSize: cur.fileSize,
      comment: a.comment,
      mediaTypeDescription: cur.mediaType,
      fileId: a.fileId,
      collectionName: `contentId-${a.containerId}`,
    },
  };
  const expandable: Record<string, string> = {};
  if (expand.has('version')) out.version = versionV1(ctx, { ...cur, title: a.title, body: '' }, a.id);
  else expandable.version = '';
  if (expand.has('container')) out.container = contentV1(ctx, container);
  else expandable.container = `/rest/api/content/${a.containerId}`;
  if (expand.has('space')) out.space = spaceV1(ctx, s.spaces.get(container.spaceId)!);
  else expandable.space = `/rest/api/space/${s.spaces.get(container.spaceId)?.key}`;
  if (expand.has('history'))
    out.history = historyV1(
      ctx,
      {
        id: a.id,
        authorId: a.versions[0]!.authorId,
        createdAt: a.versions[0]!.createdAt,
        versions: a.versions.map((v) => ({ ...v, title: a.title, body: '' })),
      },
      expand,
    );
  out._expandable = expandable;
  out._links = {
    webui: `${webui(s, container)}?preview=${encodeURIComponent(`/${a.containerId}/${a.id}/${a.title}`)}`,
    download: attachmentDownload(a, container),
    self: `${wikiBase(ctx)}/rest/api/content/${a.id}`,
  };
  return out;
}

export function commentV1(ctx: HandlerContext, c: Comment, expand = new Set<string>()): Record<string, unknown> {
  const s = store(ctx);
  const cur = c.versions[c.versions.length - 1]!;
  const container = s.contents.get(c.containerId);
  const extensions: Record<string, unknown> = { location: c.kind };
  if (c.inline) {
    extensions.inlineProperties = {
      markerRef: c.inline.markerRef,
      originalSelection: c.inline.originalSelection,
    };
    extensions.resolution = {
      status: c.inline.resolutionStatus,
      lastModifier: userV1(ctx, c.inline.resolutionLastModifierId ?? c.authorId),
      lastModifiedDate: iso(c.inline.resolutionLastModifiedAt ?? c.createdAt),
    };
  }
  const out: Record<string, unknown> = { id: c.id, type: 'comment', status: c.status, title: cur.title, extensions };
  const expandable: Record<string, string> = {};
  if (expand.has('body')) out.body = bodyV1(cur.body, expand, c.id);
  else expandable.body = '';
  if (expand.has('version')) out.version = versionV1(ctx, cur, c.id);
  else expandable.version = '';
  if (expand.has('history')) out.history = historyV1(ctx, { ...c, versions: c.versions }, expand);
  else expandable.history = `/rest/api/content/${c.id}/history`;
  if (expand.has('container') && container) out.container = contentV1(ctx, container);
  else expandable.container = `/rest/api/content/${c.containerId}`;
  if (expand.has('space') && container) out.space = spaceV1(ctx, s.spaces.get(container.spaceId)!);
  else expandable.space = '';
  out._expandable = expandable;
  out._links = {
    webui: container ? `${webui(s, container)}?focusedCommentId=${c.id}` : '',
    self: `${wikiBase(ctx)}/rest/api/content/${c.id}`,
  };
  return out;
}
