import type { AtlassianMcpConfig } from '@atlassian-mcp/config';
import { NotAllowedError } from '../plugin-api/errors.js';
import type { ContainerResolver, MetadataCacheService, ScopeService, SharedCache } from '../plugin-api/services.js';
import { constrainQuery } from './query-scope.js';
import { collectTargets, replaceAt, type TargetRef } from './targets.js';

const TTL_MS = 5 * 60 * 1000;

/**
 * A plugin's allowlist, enforced on what a call touches. The plugin declares which allowlist
 * applies (`allow.projects`, `allow.spaces`) and a resolver that says which container a reference
 * (an issue key, a numeric id, a board…) lives in; core asks it before any read or write, caches
 * the answer, and confines queries by wrapping them. An answer inside the allowlist is cached per
 * site (in the state store: shared by hosted replicas) for every user of it: it only admits the
 * reference past the allowlist, the request itself still runs with the caller's credentials.
 */
export class ContainerScope implements ScopeService {
  readonly allowed: readonly string[] | undefined;
  private resolutions?: SharedCache<string>;

  constructor(
    private readonly list: string,
    allowed: readonly string[] | undefined,
    private readonly resolver: () => ContainerResolver,
    /** The metadata caches, and this scope's name in them (the plugin's). */
    private readonly caches?: { service: () => MetadataCacheService; name: string },
  ) {
    const upper = allowed?.map((a) => a.toUpperCase());
    this.allowed = upper && upper.length > 0 ? upper : undefined;
  }

  get active(): boolean {
    return this.allowed !== undefined;
  }

  isQuery(kind: string): boolean {
    return this.allowed !== undefined && this.resolver().restriction?.(kind, this.allowed) !== undefined;
  }

  async allows(kind: string, value: string, options: { trusted?: boolean } = {}): Promise<boolean> {
    if (!this.allowed) return true;
    const key = `${kind}:${value}`;
    const hit = await this.cache()?.get(key);
    if (hit !== undefined) return this.allowed.includes(hit);
    const container = (
      await this.resolver().containerOf(kind, value, this.allowed, options.trusted ?? false)
    )?.toUpperCase();
    if (container === undefined || !this.allowed.includes(container)) return false;
    await this.cache()?.set(key, container);
    return true;
  }

  private cache(): SharedCache<string> | undefined {
    if (!this.caches) return undefined;
    return (this.resolutions ??= this.caches
      .service()
      .define<string>(`${this.caches.name}.allowlist`, { ttlMs: TTL_MS, scope: 'site' }));
  }

  async check(kind: string, value: string): Promise<void> {
    if (!(await this.allows(kind, value))) {
      throw new NotAllowedError(
        `${kind} ${value} is outside the configured allowlist (allow.${this.list}), or does not exist.`,
        {
          hint: `Only ${this.allowed!.join(', ')} can be used here (allow.${this.list}).`,
        },
      );
    }
  }

  constrain(kind: string, query: string): string {
    if (!this.allowed) return query;
    const restriction = this.resolver().restriction?.(kind, this.allowed);
    return restriction === undefined ? query : constrainQuery(query, restriction);
  }

  /**
   * Checks every declared target of a call's arguments and returns the arguments with each query
   * confined. Refuses (NotAllowedError) before anything is sent when one is outside.
   */
  async apply<A>(args: A, targets: Record<string, string> | undefined): Promise<A> {
    if (!this.allowed || !targets) return args;
    let out: unknown = args;
    for (const ref of collectTargets(args, targets)) {
      if (this.isQuery(ref.kind)) out = replaceAt(out, ref.path, this.constrain(ref.kind, ref.value));
      else await this.check(ref.kind, ref.value);
    }
    return out as A;
  }
}

/** The scope service of a plugin, from its declaration and the configuration. */
export function createScope(
  declaration:
    | {
        allow: string;
        resolver: () => ContainerResolver;
        caches?: { service: () => MetadataCacheService; name: string };
      }
    | undefined,
  config: Pick<AtlassianMcpConfig, 'allow'>,
): ScopeService {
  if (!declaration) return new ContainerScope('containers', undefined, () => ({ containerOf: async () => undefined }));
  const allowed = (config.allow as Record<string, string[] | undefined>)[declaration.allow];
  return new ContainerScope(declaration.allow, allowed, declaration.resolver, declaration.caches);
}

export { collectTargets, type TargetRef };
