// The metadata caches core gives plugins (coreServices.cache) on the state store: one contract
// against the in-memory default and Redis (a real redis-server per file). Two cache instances on one
// store stand for two replicas.
import { MemoryStateStore, StateUnavailableError, type StateStore } from '../../src/state/index';
import { StateMetadataCache } from '../../src/state/metadata-cache';
import { runInCallScope, type CallScope } from '../../src/pipeline/call-scope';
import type { Principal } from '../../src/auth/principal';
import { createLogger } from '../../src/logging/logger';
import { connectedStore, startRedis, type RedisServer } from './support/redis-server';

const logger = createLogger({ level: 'silent' });
let redis: RedisServer;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const connected = (prefix: string) => connectedStore(redis, prefix);

/** A site whose key the test moves (another site, another grant). */
const siteAt = (key: string) => ({
  key,
  cacheKey: async function (this: { key: string }) {
    return this.key;
  },
});

/** Runs `fn` as a tool call of `user` (hosted mode's principal). */
function as<T>(user: string, fn: () => Promise<T>): Promise<T> {
  const principal = { id: user, label: user, scopes: [] } as unknown as Principal;
  const scope = { requestId: '1', tool: 't', signal: new AbortController().signal, logger, waitDeadline: 0, principal };
  return runInCallScope(scope as CallScope, fn);
}

let n = 0;
const stores: Array<[string, () => Promise<StateStore>]> = [
  ['memory', async () => new MemoryStateStore()],
  ['redis', () => connected(`mc${++n}:`)],
];

describe.each(stores)('metadata cache on the %s store', (_name, make) => {
  let store: StateStore;
  beforeEach(async () => {
    store = await make();
  });
  afterEach(async () => {
    await store.close();
  });

  it('gets, sets and deletes JSON values; a value lapses after its TTL', async () => {
    const cache = new StateMetadataCache(store, siteAt('cloud-a'));
    const fields = cache.define<Array<{ id: string }>>('jira.fields', { ttlMs: 60_000, scope: 'site' });
    expect(await fields.get('all')).toBeUndefined();
    await fields.set('all', [{ id: 'summary' }]);
    expect(await fields.get('all')).toEqual([{ id: 'summary' }]);
    await fields.delete('all');
    expect(await fields.get('all')).toBeUndefined();
    const short = cache.define<string>('short', { ttlMs: 40, scope: 'site' });
    await short.set('k', 'v');
    expect(await short.get('k')).toBe('v');
    await sleep(100);
    expect(await short.get('k')).toBeUndefined();
    expect(() => cache.define('bad', { ttlMs: 0, scope: 'site' })).toThrow(/ttlMs/);
  });

  it('keys every value by site: another site never sees the first one’s', async () => {
    const site = siteAt('https://a.example');
    const spaces = new StateMetadataCache(store, site).define<string>('c.spaces', { ttlMs: 60_000, scope: 'site' });
    await spaces.set('key:ENG', '1');
    site.key = 'https://b.example';
    expect(await spaces.get('key:ENG')).toBeUndefined();
    site.key = 'https://a.example';
    expect(await spaces.get('key:ENG')).toBe('1');
  });

  it('keys a user-scoped cache by the calling user too; a site-scoped one is shared by the site’s users', async () => {
    const cache = new StateMetadataCache(store, siteAt('cloud-a'));
    const mine = cache.define<string>('perm', { ttlMs: 60_000, scope: 'user' });
    const ours = cache.define<string>('public', { ttlMs: 60_000, scope: 'site' });
    await as('maya', () => mine.set('k', 'maya sees this'));
    await as('maya', () => ours.set('k', 'everyone'));
    expect(await as('jonas', () => mine.get('k'))).toBeUndefined();
    expect(await as('jonas', () => ours.get('k'))).toBe('everyone');
    expect(await as('maya', () => mine.get('k'))).toBe('maya sees this');
    // Outside a hosted call (stdio: the process's one user) is a user of its own.
    expect(await mine.get('k')).toBeUndefined();
  });

  it('loads once for callers at once, keeps no failed load, and refreshes on demand', async () => {
    const cache = new StateMetadataCache(store, siteAt('cloud-a'));
    const desks = cache.define<string[]>('jsm.desks', { ttlMs: 60_000, scope: 'user' });
    let loads = 0;
    const load = async () => {
      loads++;
      await sleep(20);
      return [`desk ${loads}`];
    };
    const got = await Promise.all([desks.getOrLoad('all', load), desks.getOrLoad('all', load)]);
    expect(got).toEqual([['desk 1'], ['desk 1']]);
    expect(await desks.getOrLoad('all', load)).toEqual(['desk 1']);
    expect(loads).toBe(1);
    expect(await desks.refresh('all', load)).toEqual(['desk 2']);
    expect(await desks.get('all')).toEqual(['desk 2']);

    const failing = cache.define<string>('flaky', { ttlMs: 60_000, scope: 'site' });
    await expect(failing.getOrLoad('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await failing.get('k')).toBeUndefined();
    expect(await failing.getOrLoad('k', async () => 'ok')).toBe('ok');
  });

  it('shares values between two instances on one store (two replicas): one load for both', async () => {
    const a = new StateMetadataCache(store, siteAt('cloud-a'), 0).define<string[]>('f', {
      ttlMs: 60_000,
      scope: 'site',
    });
    const b = new StateMetadataCache(store, siteAt('cloud-a'), 0).define<string[]>('f', {
      ttlMs: 60_000,
      scope: 'site',
    });
    const load = jest.fn(async () => ['loaded once']);
    expect(await a.getOrLoad('all', load)).toEqual(['loaded once']);
    expect(await b.getOrLoad('all', load)).toEqual(['loaded once']);
    expect(load).toHaveBeenCalledTimes(1);
    // A refresh on one is what the other reads next (no local copy kept here: localMs 0).
    await a.refresh('all', async () => ['refreshed']);
    expect(await b.get('all')).toEqual(['refreshed']);
  });

  it('reuses a value it read for a moment, then reads the store again (another replica’s refresh)', async () => {
    const a = new StateMetadataCache(store, siteAt('cloud-a'), 50).define<string>('f', {
      ttlMs: 60_000,
      scope: 'site',
    });
    const b = new StateMetadataCache(store, siteAt('cloud-a'), 50).define<string>('f', {
      ttlMs: 60_000,
      scope: 'site',
    });
    await a.set('k', 'one');
    expect(await b.get('k')).toBe('one');
    await a.set('k', 'two');
    await sleep(100);
    expect(await b.get('k')).toBe('two');
  });
});

describe('metadata cache when Redis is down', () => {
  it('fails the lookup at once with StateUnavailableError and never runs the load (nothing reaches Atlassian)', async () => {
    const store = await connected('down:');
    try {
      const fields = new StateMetadataCache(store, siteAt('cloud-a')).define<string>('jira.fields', {
        ttlMs: 60_000,
        scope: 'user',
      });
      await redis.kill();
      const load = jest.fn(async () => 'fields');
      await expect(fields.getOrLoad('all', load)).rejects.toBeInstanceOf(StateUnavailableError);
      expect(load).not.toHaveBeenCalled();
      await redis.start();
      for (
        let i = 0;
        i < 100 &&
        !(await store.ping().then(
          () => true,
          () => false,
        ));
        i++
      )
        await sleep(20);
      expect(await fields.getOrLoad('all', load)).toBe('fields');
    } finally {
      await store.close();
    }
  });
});
