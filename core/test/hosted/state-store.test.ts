// One contract, two stores: the in-memory default and Redis (a real redis-server per file).
import { MemoryStateStore, StateUnavailableError, type StateStore } from '../../src/state/index';
import { connectedStore, startRedis, type RedisServer } from './support/redis-server';

let redis: RedisServer;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const connected = (prefix: string) => connectedStore(redis, prefix);

let n = 0;
const stores: Array<[string, () => Promise<StateStore>]> = [
  ['memory', async () => new MemoryStateStore()],
  ['redis', () => connected(`t${++n}:`)],
];

describe.each(stores)('%s state store', (_name, make) => {
  let store: StateStore;
  beforeEach(async () => {
    store = await make();
  });
  afterEach(async () => {
    await store.close();
  });

  it('gets, sets, deletes; a TTL lets a value lapse', async () => {
    expect(await store.get('a')).toBeUndefined();
    expect(await store.set('a', 'one')).toBe(true);
    expect(await store.get('a')).toBe('one');
    await store.set('short', 'x', { ttlMs: 40 });
    expect(await store.get('short')).toBe('x');
    await sleep(80);
    expect(await store.get('short')).toBeUndefined();
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
  });

  it('writes onlyIfAbsent once', async () => {
    expect(await store.set('lock', 'me', { onlyIfAbsent: true })).toBe(true);
    expect(await store.set('lock', 'you', { onlyIfAbsent: true })).toBe(false);
    expect(await store.get('lock')).toBe('me');
  });

  it('compares and sets: absent → value → next → deleted; a stale expectation changes nothing', async () => {
    expect(await store.compareAndSet('v', 'x', 'y')).toBe(false);
    expect(await store.compareAndSet('v', undefined, 'one')).toBe(true);
    expect(await store.compareAndSet('v', undefined, 'again')).toBe(false);
    expect(await store.compareAndSet('v', 'one', 'two', { ttlMs: 60_000 })).toBe(true);
    expect(await store.compareAndSet('v', 'one', 'three')).toBe(false);
    expect(await store.get('v')).toBe('two');
    expect(await store.compareAndSet('v', 'two', undefined)).toBe(true);
    expect(await store.get('v')).toBeUndefined();
  });

  it('takes a value exactly once, even when two ask at the same time', async () => {
    await store.set('code', 'secret', { ttlMs: 60_000 });
    const answers = await Promise.all([store.take('code'), store.take('code'), store.take('code')]);
    expect(answers.filter((a) => a === 'secret')).toHaveLength(1);
    expect(await store.get('code')).toBeUndefined();
  });

  it('raises a pause moment, never lowers it', async () => {
    expect(await store.raise('pause', 1000, 60_000)).toBe(1000);
    expect(await store.raise('pause', 500, 60_000)).toBe(1000);
    expect(await store.raise('pause', 2000, 60_000)).toBe(2000);
  });

  it('reserves start moments: pauses hold requests back, spacing hands out one slot per call', async () => {
    const now = 10_000;
    expect(await store.reserveAt(now, ['p1', 'p2'])).toBe(now);
    await store.raise('p2', now + 500, 60_000);
    expect(await store.reserveAt(now, ['p1', 'p2'])).toBe(now + 500);
    const spacing = { key: 'w', ms: 100, ttlMs: 60_000 };
    const slots = await Promise.all([1, 2, 3].map(() => store.reserveAt(now, [], spacing)));
    expect(slots.sort()).toEqual([now, now + 100, now + 200]);
    expect(await store.reserveAt(now, ['p2'], spacing)).toBe(now + 500);
  });

  it('hands out at most `limit` leases; a released or lapsed lease frees a place', async () => {
    const grants = await Promise.all(['a', 'b', 'c', 'd'].map((h) => store.acquireLease('slots', h, 3, 60_000)));
    expect(grants.filter(Boolean)).toHaveLength(3);
    expect(await store.leases('slots')).toBe(3);
    const holder = ['a', 'b', 'c', 'd'][grants.indexOf(true)]!;
    expect(await store.acquireLease('slots', holder, 3, 60_000)).toBe(true); // re-entrant for the holder
    await store.releaseLease('slots', holder);
    expect(await store.acquireLease('slots', 'e', 3, 60_000)).toBe(true);
    expect(await store.acquireLease('slots', 'f', 3, 60_000)).toBe(false);

    expect(await store.acquireLease('short', 'x', 1, 50)).toBe(true);
    expect(await store.acquireLease('short', 'y', 1, 50)).toBe(false);
    expect(await store.renewLease('short', 'x', 50)).toBe(true);
    await sleep(100);
    expect(await store.renewLease('short', 'x', 50)).toBe(false);
    expect(await store.acquireLease('short', 'y', 1, 50)).toBe(true);
  });
});

describe('redis state store when Redis goes away', () => {
  it('fails at once with StateUnavailableError, and works again when Redis is back', async () => {
    const store = await connected('outage:');
    try {
      await store.set('k', 'before');
      await redis.kill();
      await expect(store.get('k')).rejects.toBeInstanceOf(StateUnavailableError);
      await expect(store.set('k', 'during')).rejects.toBeInstanceOf(StateUnavailableError);
      await redis.start();
      let value: string | undefined | Error = new Error('never reconnected');
      for (let i = 0; i < 150; i++) {
        try {
          value = await store.get('k');
          break;
        } catch (e) {
          expect(e).toBeInstanceOf(StateUnavailableError);
          await sleep(20);
        }
      }
      // Nothing was queued and replayed on reconnect: the refused write never happened (the
      // restarted server has no persistence, so it is empty).
      expect(value).toBeUndefined();
      expect(await store.set('k', 'after')).toBe(true);
      expect(await store.get('k')).toBe('after');
    } finally {
      await store.close();
    }
  });

  it('prefixes every key, so deployments sharing a Redis do not collide', async () => {
    const a = await connected('deploy-a:');
    const b = await connected('deploy-b:');
    try {
      await a.set('same', 'A');
      await b.set('same', 'B');
      expect(await a.get('same')).toBe('A');
      expect(await redis.command('GET', 'deploy-b:same')).toBe('B');
    } finally {
      await a.close();
      await b.close();
    }
  });
});
