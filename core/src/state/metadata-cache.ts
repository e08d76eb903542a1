import { currentCall } from '../pipeline/call-scope.js';
import type { MetadataCacheService, SharedCache, SiteService } from '../plugin-api/services.js';
import type { StateStore } from './state-store.js';

/**
 * How long this process reuses a value it read from the store before reading it again: a call's
 * many lookups of one catalog parse it once, and a replica sees another's refresh within this.
 */
const LOCAL_MS = 5_000;
/** Values this process keeps parsed (oldest dropped first). */
const MAX_LOCAL = 2_000;

/**
 * The metadata caches of core and plugins on the state store (memory by default, Redis in hosted
 * mode): one key per value, `cache:<name>:<site>:<user>:<key>`, with the cache's TTL. The site is
 * the calling user's (SiteService.cacheKey); the user is the call's principal (hosted mode) or `-`
 * (the one user of a stdio process), used only by caches of scope `user`.
 */
export class StateMetadataCache implements MetadataCacheService {
  private readonly local = new Map<string, { value: unknown; until: number }>();
  private readonly loading = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: StateStore,
    private readonly site: Pick<SiteService, 'cacheKey'>,
    private readonly localMs = LOCAL_MS,
  ) {}

  define<T>(name: string, options: { ttlMs: number; scope: 'site' | 'user' }): SharedCache<T> {
    if (!(options.ttlMs > 0)) throw new Error(`cache ${name}: ttlMs must be positive`);
    const key = async (k: string) => {
      const user = options.scope === 'user' ? (currentCall()?.principal?.id ?? '-') : '*';
      return ['cache', name, await this.site.cacheKey(), user, k].map(encodeURIComponent).join(':');
    };
    return {
      get: async (k) => this.read<T>(await key(k)),
      set: async (k, value) => this.write(await key(k), value, options.ttlMs),
      delete: async (k) => this.remove(await key(k)),
      getOrLoad: async (k, load) => {
        const full = await key(k);
        const hit = await this.read<T>(full);
        return hit !== undefined ? hit : this.load(full, load, options.ttlMs);
      },
      refresh: async (k, load) => this.load(await key(k), load, options.ttlMs),
    };
  }

  private async read<T>(key: string): Promise<T | undefined> {
    const held = this.local.get(key);
    if (held && held.until > Date.now()) return held.value as T;
    const raw = await this.store.get(key);
    if (raw === undefined) {
      this.local.delete(key);
      return undefined;
    }
    const value = JSON.parse(raw) as T;
    this.keep(key, value);
    return value;
  }

  private async write(key: string, value: unknown, ttlMs: number): Promise<void> {
    const raw = JSON.stringify(value);
    if (raw === undefined) throw new Error('a cached value must be JSON');
    await this.store.set(key, raw, { ttlMs });
    this.keep(key, value, ttlMs);
  }

  private async remove(key: string): Promise<void> {
    this.local.delete(key);
    await this.store.delete(key);
  }

  /** One load per key at a time in this process; kept once it succeeds. */
  private load<T>(key: string, load: () => Promise<T>, ttlMs: number): Promise<T> {
    const running = this.loading.get(key);
    if (running) return running as Promise<T>;
    const loading = (async () => {
      try {
        const value = await load();
        await this.write(key, value, ttlMs);
        return value;
      } finally {
        this.loading.delete(key);
      }
    })();
    this.loading.set(key, loading);
    return loading;
  }

  private keep(key: string, value: unknown, ttlMs = this.localMs): void {
    this.local.delete(key);
    this.local.set(key, { value, until: Date.now() + Math.min(ttlMs, this.localMs) });
    if (this.local.size > MAX_LOCAL) this.local.delete(this.local.keys().next().value!);
  }
}
