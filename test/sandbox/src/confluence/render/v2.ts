// v2 beans: pages, blog posts, folders, spaces, versions, labels, the `include-*` extras.
import type { HandlerContext } from '../../core/product.js';
import { iso, store, tinyui, webui } from '../context.js';
import type { Content, Label, Space, VersionRecord } from '../model.js';
import { storageText } from '../storage.js';
import { storageToView } from './view.js';

export const versionV2 = (v: VersionRecord) => ({
  createdAt: iso(v.createdAt),
  message: v.message,
  number: v.number,
  minorEdit: v.minorEdit,
  authorId: v.authorId,
});

export const current = (c: { versions: VersionRecord[] }) => c.versions[c.versions.length - 1]!;

/** `body` for a `body-format` (storage is what is stored; the others are derived). */
export function bodyV2(storage: string, format: string | undefined): Record<string, unknown> {
  if (!format || format === 'none') return {};
  if (format === 'storage') return { storage: { representation: 'storage', value: storage } };
  if (format === 'atlas_doc_format') {
    const paragraphs = storageText(storage)
      ? [{ type: 'paragraph', content: [{ type: 'text', text: storageText(storage) }] }]
      : [];
    return {
      atlas_doc_format: {
        representation: 'atlas_doc_format',
        value: JSON.stringify({ type: 'doc', version: 1, content: paragraphs }),
      },
    };
  }
  return { [format]: { representation: format, value: storageToView(storage) } };
}

export interface ContentView {
  /** A historical version to show instead of the current one. */
  version?: VersionRecord;
  bodyFormat?: string;
  /** Bulk beans omit `position`-only extras. */
  single?: boolean;
}

/** A page, blog post or folder as v2 returns it. */
export function contentV2(ctx: HandlerContext, c: Content, view: ContentView = {}): Record<string, unknown> {
  const s = store(ctx);
  const v = view.version ?? current(c);
  const status = view.version && view.version.number !== current(c).number ? 'historical' : c.status;
  const links = { webui: webui(s, c), editui: `/pages/resumedraft.action?draftId=${c.id}`, tinyui: tinyui(c.id) };
  if (c.type === 'folder') {
    return {
      id: c.id,
      type: 'folder',
      status,
      title: v.title,
      ...parentOf(s, c),
      position: c.position,
      authorId: c.authorId,
      ownerId: c.ownerId,
      createdAt: iso(c.createdAt),
      spaceId: c.spaceId,
      version: versionV2(v),
      _links: { webui: webui(s, c) },
    };
  }
  const common = {
    id: c.id,
    status,
    title: v.title,
    spaceId: c.spaceId,
  };
  if (c.type === 'blogpost') {
    return {
      ...common,
      authorId: c.authorId,
      createdAt: iso(c.createdAt),
      version: versionV2(v),
      body: bodyV2(v.body, view.bodyFormat),
      _links: links,
    };
  }
  return {
    ...common,
    ...parentOf(s, c),
    position: c.position,
    authorId: c.authorId,
    ownerId: c.ownerId,
    lastOwnerId: null,
    createdAt: iso(c.createdAt),
    version: versionV2(v),
    body: bodyV2(v.body, view.bodyFormat),
    _links: { ...links, edituiv2: `/spaces/${s.spaces.get(c.spaceId)?.key}/pages/edit-v2/${c.id}` },
  };
}

function parentOf(s: ReturnType<typeof store>, c: Content): Record<string, string> {
  if (!c.parentId) return {};
  const p = s.contents.get(c.parentId);
  return { parentId: c.parentId, parentType: p?.type === 'folder' ? 'folder' : 'page' };
}

export function spaceV2(ctx: HandlerContext, sp: Space, descriptionFormat?: string, icon = false) {
  const out: Record<string, unknown> = {
    id: sp.id,
    key: sp.key,
    name: sp.name,
    type: sp.type,
    status: sp.status,
    authorId: sp.authorId,
    createdAt: iso(sp.createdAt),
    homepageId: sp.homepageId,
    currentActiveAlias: sp.key,
    _links: { webui: `/spaces/${sp.key}` },
  };
  if (descriptionFormat === 'plain') out.description = { plain: { representation: 'plain', value: sp.description } };
  if (descriptionFormat === 'view')
    out.description = { view: { representation: 'view', value: `<p>${sp.description}</p>` } };
  if (icon) out.icon = { path: `/wiki/aa-avatar/${sp.id}`, apiDownloadLink: `/wiki/api/v2/spaces/${sp.id}/icon` };
  return out;
}

export const labelV2 = (l: Label) => ({ id: l.id, name: l.name, prefix: l.prefix });

/** `{results, meta, _links}` of an `include-*` extra. */
export function included<T>(results: T[], self: string, limit = 50) {
  return {
    results: results.slice(0, limit),
    meta: { hasMore: results.length > limit, cursor: '' },
    _links: { self },
  };
}

/** The `include-*` extras a single page or blog post GET may ask for. */
export function extrasV2(ctx: HandlerContext, c: Content, kind: 'pages' | 'blogposts'): Record<string, unknown> {
  const s = store(ctx);
  const q = ctx.query;
  const self = (what: string) => `/wiki/api/v2/${kind}/${c.id}/${what}`;
  const out: Record<string, unknown> = {};
  if (q['include-labels']) out.labels = included(c.labels.map((id) => s.labels.get(id)!).map(labelV2), self('labels'));
  if (q['include-properties'])
    out.properties = included(
      Object.entries(c.properties).map(([key, value], i) => ({
        id: String(Number(c.id) * 100 + i),
        key,
        value,
        version: versionV2(current(c)),
      })),
      self('properties'),
    );
  if (q['include-operations'])
    out.operations = included(
      ['read', 'update', 'delete'].map((operation) => ({
        operation,
        targetType: kind === 'pages' ? 'page' : 'blogpost',
      })),
      self('operations'),
    );
  if (q['include-likes']) out.likes = included([], self('likes'));
  if (q['include-versions']) out.versions = included([...c.versions].reverse().map(versionV2), self('versions'));
  if (q['include-version'] === false) delete out.version;
  if (q['include-collaborators'])
    out.collaborators = included(
      [...new Set(c.versions.map((v) => v.authorId))].map((accountId) => ({ accountId })),
      self('collaborators'),
    );
  if (q['include-direct-children'] && kind === 'pages')
    out.directChildren = included(
      s.children(c.id).map((ch) => ({
        id: ch.id,
        status: ch.status,
        title: ch.title,
        type: ch.type,
        spaceId: ch.spaceId,
        childPosition: ch.position,
      })),
      self('direct-children'),
    );
  return out;
}
