import {
  coreServices,
  inject,
  isAtlassianMcpError,
  Service,
  type MetadataCacheService,
  type SharedCache,
} from '@atlassian-mcp/core';
import { JiraAgile } from './jira-agile.js';
import { JiraProjects } from './jira-projects.js';
import { JiraSearch } from './jira-search.js';
import { ISSUE_KEY } from './project-scope.js';

const REFRESH_MS = 60 * 1000;
const TTL_MS = 10 * 60 * 1000;

/** A value as a resource URI carries it (`NOVA%20Sprint%2025`), decoded; left as it is when it is not encoding. */
export function uriDecoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** id → project key, and when it was listed. */
type Index = { map: Record<string, string>; at: number };

/**
 * Which project a Jira reference lives in, found without ever requesting the reference itself
 * when it is outside: issue keys and ids through a search confined to the allowed projects;
 * boards, sprints, versions and attachments by listing those of the allowed projects (cached per
 * user on the site, as a list holds only what its user can see and must not refuse another user's
 * reference; listed again on a miss at most once a minute; shared by hosted replicas).
 */
@Service()
export class JiraContainers {
  private readonly indexes: SharedCache<Index>;

  constructor(
    @inject(JiraSearch) private readonly search: JiraSearch,
    @inject(JiraProjects) private readonly projects: JiraProjects,
    @inject(JiraAgile) private readonly agile: JiraAgile,
    @inject(coreServices.cache) caches: MetadataCacheService,
  ) {
    this.indexes = caches.define<Index>('jira.container-index', { ttlMs: TTL_MS, scope: 'user' });
  }

  restriction(kind: string, allowed: readonly string[]): string | undefined {
    if (kind !== 'jql') return undefined;
    return `project in (${allowed.map((p) => `"${p.replace(/["\\]/g, '')}"`).join(', ')})`;
  }

  async containerOf(
    kind: string,
    value: string,
    allowed: readonly string[],
    trusted: boolean,
  ): Promise<string | undefined> {
    switch (kind) {
      case 'project':
        return this.project(value, allowed);
      case 'issue':
        return this.issue(value, allowed, trusted);
      case 'sprint':
        // A sprint is named by id, or by name (jira://sprint/{id}): names are indexed lower-cased.
        return this.indexed(
          kind,
          /^\d+$/.test(value) ? value : `name:${uriDecoded(value).trim().toLowerCase()}`,
          allowed,
        );
      case 'board':
      case 'version':
      case 'attachment':
        return this.indexed(kind, value, allowed);
      default:
        return undefined;
    }
  }

  private async project(value: string, allowed: readonly string[]): Promise<string | undefined> {
    if (allowed.includes(value.toUpperCase())) return value.toUpperCase();
    if (!/^\d+$/.test(value)) return undefined;
    return this.indexed('project', value, allowed);
  }

  private async issue(value: string, allowed: readonly string[], trusted: boolean): Promise<string | undefined> {
    const key = ISSUE_KEY.exec(value);
    // A key Jira just returned is current, so its prefix is its project; a key from the model may
    // be an old key of a moved issue, so an allowed-looking one is confirmed by a confined search.
    if (key && !allowed.includes(key[1]!.toUpperCase())) return undefined;
    if (key && trusted) return key[1]!.toUpperCase();
    const page = await this.search
      .page({ jql: `issue = "${value}"`, fields: ['project'], maxResults: 1 })
      .catch((e: unknown) => {
        if (isAtlassianMcpError(e) && e.code === 'input') return { issues: [] }; // no such issue
        throw e;
      });
    const found = page.issues?.[0];
    return (found?.fields?.project as { key?: string } | undefined)?.key;
  }

  private async indexed(kind: string, value: string, allowed: readonly string[]): Promise<string | undefined> {
    const key = `${kind}:${allowed.join(',')}`;
    const load = async () => ({ map: Object.fromEntries(await this.list(kind, allowed)), at: Date.now() });
    let index = await this.indexes.getOrLoad(key, load);
    if (!Object.hasOwn(index.map, value) && Date.now() - index.at > REFRESH_MS)
      index = await this.indexes.refresh(key, load);
    return Object.hasOwn(index.map, value) ? index.map[value] : undefined;
  }

  /** Everything of a kind in the allowed projects: id → project key. */
  private async list(kind: string, allowed: readonly string[]): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    if (kind === 'project') {
      for (const key of allowed) {
        const p = await this.projects.get(key).catch(() => undefined);
        if (p?.id) map.set(p.id, key);
      }
    } else if (kind === 'version') {
      for (const key of allowed)
        for (const v of await this.projects.versions(key).catch(() => [])) if (v.id) map.set(v.id, key);
    } else if (kind === 'board' || kind === 'sprint') {
      for (const key of allowed) {
        for (let startAt = 0; startAt < 1000; startAt += 50) {
          const page = await this.agile.boards({ projectKeyOrId: key, startAt, maxResults: 50 });
          for (const b of page.values) {
            if (kind === 'board') map.set(String(b.id), key);
            else await this.sprintsOf(b.id, key, map);
          }
          if (page.isLast !== false || page.values.length === 0) break;
        }
      }
    } else if (kind === 'attachment') {
      let token: string | undefined;
      for (let i = 0; i < 10; i++) {
        const page = await this.search.page({
          jql: 'attachments IS NOT EMPTY',
          fields: ['attachment', 'project'],
          maxResults: 100,
          nextPageToken: token,
        });
        for (const issue of page.issues ?? []) {
          const project = (issue.fields?.project as { key?: string } | undefined)?.key;
          for (const a of (issue.fields?.attachment as Array<{ id?: string }> | undefined) ?? [])
            if (a.id && project) map.set(a.id, project.toUpperCase());
        }
        token = page.nextPageToken ?? undefined;
        if (!token || page.isLast) break;
      }
    }
    return map;
  }

  private async sprintsOf(boardId: number, project: string, map: Map<string, string>): Promise<void> {
    for (let startAt = 0; startAt < 1000; startAt += 50) {
      const page = await this.agile
        .sprints(boardId, ['active', 'future', 'closed'], startAt, 50)
        .catch(() => ({ values: [], isLast: true })); // a kanban board has no sprints
      // A sprint belongs where it was created: shown on an allowed board is not enough.
      for (const s of page.values)
        if (s.originBoardId === undefined || s.originBoardId === boardId) {
          map.set(String(s.id), project);
          map.set(`name:${s.name.toLowerCase()}`, project);
        }
      if (page.isLast !== false || page.values.length === 0) break;
    }
  }
}
