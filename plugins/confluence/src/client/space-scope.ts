import { coreServices, inject, NotAllowedError, Service } from '@atlassian-mcp/core';
import { ConfluenceSpaces, normalSpaceKey } from './confluence-spaces.js';
import { scopeCql } from './cql-scope.js';

/**
 * The configured space allowlist (`allow.spaces`), enforced on what a call touches: a space key
 * argument, the space of a page named by id or URL, a CQL query (constrained, not only checked),
 * a move or copy target, a resource URI.
 */
@Service()
export class SpaceScope {
  private readonly keys: readonly string[] | undefined;

  constructor(
    @inject(coreServices.rootConfig) config: { readonly allow?: { readonly spaces?: readonly string[] } },
    @inject(ConfluenceSpaces) private readonly spaces: ConfluenceSpaces,
  ) {
    const list = config.allow?.spaces?.map(normalSpaceKey);
    this.keys = list && list.length > 0 ? list : undefined;
  }

  /** True when an allowlist is configured. */
  get active(): boolean {
    return this.keys !== undefined;
  }

  /** The allowed keys, or undefined when every space is allowed. */
  get allowed(): readonly string[] | undefined {
    return this.keys;
  }

  /** True when the space may be touched. */
  allows(key: string): boolean {
    return !this.keys || this.keys.includes(normalSpaceKey(key));
  }

  /** Refuses a space key outside the allowlist. */
  assertKey(key: string): void {
    if (!this.allows(key))
      throw new NotAllowedError(`Space ${key} is outside the configured space allowlist.`, {
        hint: `Allowed spaces: ${this.keys!.join(', ')}.`,
      });
  }

  /** Refuses content whose space (by v2 id) is outside the allowlist; free when no allowlist is set. */
  async assertSpaceId(spaceId: string | undefined): Promise<void> {
    if (!this.keys) return;
    if (spaceId === undefined)
      throw new NotAllowedError('The space of this content is unknown, so the space allowlist cannot allow it.');
    this.assertKey(await this.spaces.keyOf(spaceId));
  }

  /** The query, confined to the allowed spaces. */
  cql(query: string): string {
    return scopeCql(query, this.keys);
  }
}
