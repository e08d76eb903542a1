// What CQL searches over: pages, blog posts, folders, comments, attachments and spaces, flattened
// to the facts the fields ask about. Text is computed on first use and cached per store version.
import type { Attachment, Comment, Content, Space } from '../model.js';
import type { ConfluenceStore } from '../store.js';
import { storageText } from '../storage.js';

export type EntityType = 'page' | 'blogpost' | 'folder' | 'comment' | 'attachment' | 'space';

export interface Entity {
  type: EntityType;
  id: string;
  title: string;
  spaceKey: string;
  spaceTitle: string;
  spaceType: string;
  labels: string[];
  /** Page/folder ids above a page, blog post or folder (comments and attachments have a container instead). */
  ancestors: string[];
  parentId?: string;
  /** Page or blog post a comment or attachment belongs to. */
  containerId?: string;
  creator: string;
  contributors: Set<string>;
  mentions: Set<string>;
  created: number;
  lastModified: number;
  text: () => string;
  ref: { content?: Content; comment?: Comment; attachment?: Attachment; space?: Space };
}

const cache = new WeakMap<ConfluenceStore, { version: number; entities: Entity[] }>();

const mentionsIn = (storage: string) =>
  new Set([...storage.matchAll(/<ri:user\s+ri:account-id="([^"]+)"/g)].map((m) => m[1]!));

const lazy = (f: () => string) => {
  let v: string | undefined;
  return () => (v ??= f());
};

export function entities(s: ConfluenceStore): Entity[] {
  const hit = cache.get(s);
  if (hit && hit.version === s.version) return hit.entities;
  const out: Entity[] = [];
  const spaceFacts = (spaceId: string) => {
    const sp = s.spaces.get(spaceId)!;
    return { spaceKey: sp.key, spaceTitle: sp.name, spaceType: sp.type };
  };
  const labelNames = (ids: string[]) => ids.map((id) => s.labels.get(id)?.name ?? '').filter(Boolean);
  for (const sp of s.spaces.values()) {
    const labels = labelNames(sp.labels);
    out.push({
      type: 'space',
      id: sp.id,
      title: sp.name,
      spaceKey: sp.key,
      spaceTitle: sp.name,
      spaceType: sp.type,
      labels,
      ancestors: [],
      creator: sp.authorId,
      contributors: new Set([sp.authorId]),
      mentions: new Set(),
      created: sp.createdAt,
      lastModified: sp.createdAt,
      text: () => `${sp.name} ${sp.key} ${sp.description}`,
      ref: { space: sp },
    });
  }
  for (const c of s.contents.values()) {
    if (c.status !== 'current') continue;
    const cur = c.versions[c.versions.length - 1]!;
    const labels = labelNames(c.labels);
    out.push({
      type: c.type,
      id: c.id,
      title: c.title,
      ...spaceFacts(c.spaceId),
      labels,
      ancestors: s.ancestors(c).map((a) => a.id),
      parentId: c.parentId,
      creator: c.authorId,
      contributors: new Set(c.versions.map((v) => v.authorId)),
      mentions: mentionsIn(c.body),
      created: c.createdAt,
      lastModified: cur.createdAt,
      text: lazy(() => `${c.title} ${storageText(c.body)} ${labels.join(' ')}`),
      ref: { content: c },
    });
  }
  for (const cm of s.comments.values()) {
    const container = s.contents.get(cm.containerId);
    if (cm.status !== 'current' || !container || container.status !== 'current') continue;
    const cur = cm.versions[cm.versions.length - 1]!;
    out.push({
      type: 'comment',
      id: cm.id,
      title: cur.title,
      ...spaceFacts(container.spaceId),
      labels: [],
      ancestors: [],
      containerId: container.id,
      creator: cm.authorId,
      contributors: new Set(cm.versions.map((v) => v.authorId)),
      mentions: mentionsIn(cur.body),
      created: cm.createdAt,
      lastModified: cur.createdAt,
      text: lazy(() => storageText(cur.body)),
      ref: { comment: cm },
    });
  }
  for (const a of s.attachments.values()) {
    const container = s.contents.get(a.containerId);
    if (a.status !== 'current' || !container || container.status !== 'current') continue;
    const cur = a.versions[a.versions.length - 1]!;
    out.push({
      type: 'attachment',
      id: a.id,
      title: a.title,
      ...spaceFacts(container.spaceId),
      labels: labelNames(a.labels),
      ancestors: [],
      containerId: container.id,
      creator: a.versions[0]!.authorId,
      contributors: new Set(a.versions.map((v) => v.authorId)),
      mentions: new Set(),
      created: a.versions[0]!.createdAt,
      lastModified: cur.createdAt,
      text: () => `${a.title} ${a.comment}`,
      ref: { attachment: a },
    });
  }
  cache.set(s, { version: s.version, entities: out });
  return out;
}
