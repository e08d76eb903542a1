import { coreServices, inject, NotAllowedError, Service, type ServiceToken } from '@atlassian-mcp/core';
import { ConfluenceSpaces, normalSpaceKey } from './confluence-spaces.js';

/** Core's scope service for this plugin (typed through its token: the plugin API stays small). */
type ScopeService = typeof coreServices.scope extends ServiceToken<infer T> ? T : never;

/** The space allowlist as configured (`allow.spaces`). */
type AllowConfig = { readonly allow?: { readonly spaces?: readonly string[] } };

/**
 * Space keys as Confluence spells them. Core upper-cases the allowlist (project and space keys are
 * upper case), but a personal space key (`~mayachen`) is not: those keep the configured spelling.
 */
export function spelledAsConfigured(keys: readonly string[], config: AllowConfig): string[] {
  const configured = config.allow?.spaces ?? [];
  return keys.map((k) => configured.find((c) => c.toUpperCase() === k.toUpperCase()) ?? k);
}

/**
 * The space allowlist (`allow.spaces`) as the Confluence client sees it: core's scope service for
 * this plugin. Core checks every declared target before a handler runs (through
 * `ConfluenceContainers`); this confines CQL, filters lists, and checks what a handler finds
 * itself (a default space, the space of a page it read).
 */
@Service()
export class SpaceScope {
  constructor(
    @inject(coreServices.scope) private readonly scope: ScopeService,
    @inject(ConfluenceSpaces) private readonly spaces: ConfluenceSpaces,
    @inject(coreServices.rootConfig) private readonly config: AllowConfig,
  ) {}

  /** True when an allowlist is configured. */
  get active(): boolean {
    return this.scope.active;
  }

  /** The allowed keys as Confluence spells them, or undefined when every space is allowed. */
  get allowed(): readonly string[] | undefined {
    const allowed = this.scope.allowed;
    return allowed && spelledAsConfigured(allowed, this.config);
  }

  /** True when the space may be touched. */
  allows(key: string): boolean {
    const allowed = this.scope.allowed;
    return !allowed || allowed.includes(normalSpaceKey(key).toUpperCase());
  }

  /** Refuses a space key outside the allowlist. */
  assertKey(key: string): void {
    if (!this.allows(key))
      throw new NotAllowedError(`Space ${key} is outside the configured allowlist (allow.spaces).`, {
        hint: `Only ${this.allowed!.join(', ')} can be used here (allow.spaces).`,
      });
  }

  /** Refuses content whose space (by v2 id) is outside the allowlist; free when no allowlist is set. */
  async assertSpaceId(spaceId: string | undefined): Promise<void> {
    if (!this.active) return;
    if (spaceId === undefined)
      throw new NotAllowedError('The space of this content is unknown, so the space allowlist cannot allow it.');
    this.assertKey(await this.spaces.keyOf(spaceId));
  }

  /** Refuses a page, blog post, comment or attachment outside the allowed spaces, without requesting it. */
  check(kind: 'page' | 'comment' | 'attachment', id: string): Promise<void> {
    return this.scope.check(kind, id);
  }

  /** The query, confined to the allowed spaces. */
  cql(query: string): string {
    return this.scope.constrain('cql', query);
  }
}
