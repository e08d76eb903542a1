// In-memory Confluence site: the records of `ConfluenceData` plus lookup indexes and the tree
// helpers every route needs. Users live in the Jira store (one site, one user directory).
import type { User } from '../jira/model.js';
import type { Attachment, Comment, ConfluenceData, Content, Label, Space, Template } from './model.js';

const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x] as const));

export class ConfluenceStore {
  spaces!: Map<string, Space>;
  contents!: Map<string, Content>;
  comments!: Map<string, Comment>;
  attachments!: Map<string, Attachment>;
  labels!: Map<string, Label>;
  templates!: Map<string, Template>;
  counters!: Record<string, number>;
  /** Bumped on every write. */
  version = 0;

  constructor(
    data: ConfluenceData,
    /** The site's users (the Jira store's map). */
    readonly users: () => Map<string, User>,
  ) {
    this.load(data);
  }

  load(input: ConfluenceData): void {
    const data = structuredClone(input);
    this.spaces = byId(data.spaces);
    this.contents = byId(data.contents);
    this.comments = byId(data.comments);
    this.attachments = byId(data.attachments);
    this.labels = byId(data.labels);
    this.templates = new Map(data.templates.map((t) => [t.templateId, t]));
    this.counters = data.counters;
    this.version++;
  }

  snapshot(): ConfluenceData {
    return structuredClone({
      spaces: [...this.spaces.values()],
      contents: [...this.contents.values()],
      comments: [...this.comments.values()],
      attachments: [...this.attachments.values()],
      labels: [...this.labels.values()],
      templates: [...this.templates.values()],
      counters: this.counters,
    });
  }

  /** Next id of a kind (`space`, `content`, `label`, `template`). Pages, blog posts, comments and attachments share `content`. */
  next(kind: string): string {
    const n = this.counters[kind] ?? 1;
    this.counters[kind] = n + 1;
    return String(n);
  }

  touch(): void {
    this.version++;
  }

  spaceByKey(key: string): Space | undefined {
    for (const s of this.spaces.values()) if (s.key === key) return s;
    return undefined;
  }

  user(accountId: string): User | undefined {
    return this.users().get(accountId);
  }

  /** Direct children (pages and folders) of a page or folder, in position order. */
  children(parentId: string, status: readonly string[] = ['current']): Content[] {
    const out: Content[] = [];
    for (const c of this.contents.values()) {
      if (c.parentId === parentId && c.type !== 'blogpost' && status.includes(c.status)) out.push(c);
    }
    return out.sort((a, b) => a.position - b.position || Number(a.id) - Number(b.id));
  }

  /** Root first, parent last. */
  ancestors(c: Content): Content[] {
    const out: Content[] = [];
    const seen = new Set<string>([c.id]);
    let p = c.parentId ? this.contents.get(c.parentId) : undefined;
    while (p && !seen.has(p.id)) {
      out.unshift(p);
      seen.add(p.id);
      p = p.parentId ? this.contents.get(p.parentId) : undefined;
    }
    return out;
  }

  /** Depth-first, each with its depth below `rootId` (1 = direct child). */
  descendants(rootId: string, maxDepth = Number.POSITIVE_INFINITY): Array<{ content: Content; depth: number }> {
    const out: Array<{ content: Content; depth: number }> = [];
    const walk = (id: string, depth: number) => {
      if (depth > maxDepth) return;
      for (const ch of this.children(id)) {
        out.push({ content: ch, depth });
        walk(ch.id, depth + 1);
      }
    };
    walk(rootId, 1);
    return out;
  }

  isDescendant(id: string, ancestorId: string): boolean {
    const c = this.contents.get(id);
    return !!c && this.ancestors(c).some((a) => a.id === ancestorId);
  }

  /** Position after the last current sibling. */
  nextPosition(parentId: string | undefined, spaceId: string): number {
    let max = -1;
    for (const c of this.contents.values()) {
      if (c.parentId === parentId && c.spaceId === spaceId && c.type !== 'blogpost') max = Math.max(max, c.position);
    }
    return max + 1;
  }

  labelByName(name: string, prefix = 'global'): Label | undefined {
    for (const l of this.labels.values()) if (l.name === name && l.prefix === prefix) return l;
    return undefined;
  }

  /** The label record for a name, created on first use (Confluence lower-cases label names). */
  ensureLabel(name: string, prefix: Label['prefix'] = 'global'): Label {
    const n = name.toLowerCase();
    const found = this.labelByName(n, prefix);
    if (found) return found;
    const l: Label = { id: this.next('label'), name: n, prefix };
    this.labels.set(l.id, l);
    return l;
  }

  commentsOf(containerId: string): Comment[] {
    return [...this.comments.values()].filter((c) => c.containerId === containerId && c.status === 'current');
  }

  attachmentsOf(containerId: string): Attachment[] {
    return [...this.attachments.values()].filter((a) => a.containerId === containerId && a.status === 'current');
  }
}
