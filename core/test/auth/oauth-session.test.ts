import { OAuthSession, OAUTH_SESSION_KEY, type StoredOAuthSession } from '../../src/auth/oauth-session.js';
import { InvalidGrantError, type IssuedTokens, type OAuthClient } from '../../src/auth/oauth-client.js';
import { MemoryCredentialStore } from '../../src/auth/credential-store.js';
import { captureLogger } from '../http/helpers.js';

/** A token endpoint that rotates refresh tokens and rejects any reuse, like Atlassian. */
class RotatingTokenEndpoint {
  calls: string[] = [];
  private valid = new Set(['rt-0']);
  private n = 0;
  revoked = false;
  async refresh(refreshToken: string): Promise<IssuedTokens> {
    this.calls.push(refreshToken);
    await new Promise((r) => setTimeout(r, 5));
    if (this.revoked || !this.valid.has(refreshToken)) throw new InvalidGrantError();
    this.valid.delete(refreshToken);
    this.n++;
    this.valid.add(`rt-${this.n}`);
    return {
      accessToken: `at-${this.n}`,
      refreshToken: `rt-${this.n}`,
      issuedAt: Date.now(),
      expiresAt: Date.now() + 3_600_000,
      scopes: ['read:jira-work'],
    };
  }
}

const expired = (over: Partial<StoredOAuthSession> = {}): StoredOAuthSession => ({
  accessToken: 'at-0',
  refreshToken: 'rt-0',
  expiresAt: Date.now() - 1000,
  scopes: ['read:jira-work'],
  cloudId: 'c1',
  siteUrl: 'https://acme.atlassian.net',
  clientId: 'cid',
  ...over,
});

function setup(initial?: StoredOAuthSession) {
  const store = new MemoryCredentialStore();
  const endpoint = new RotatingTokenEndpoint();
  let lost = 0;
  const session = new OAuthSession(
    store,
    async () => endpoint as unknown as OAuthClient,
    captureLogger().logger,
    () => lost++,
  );
  const ready = initial ? store.set(OAUTH_SESSION_KEY, JSON.stringify(initial)) : Promise.resolve();
  return { store, endpoint, session, ready, lost: () => lost };
}

describe('OAuthSession', () => {
  it('refreshes an expired token once for 20 concurrent callers and persists the rotated token first', async () => {
    const { store, endpoint, session, ready } = setup(expired());
    await ready;
    const results = await Promise.all(Array.from({ length: 20 }, () => session.current()));
    expect(endpoint.calls).toEqual(['rt-0']);
    expect(new Set(results.map((r) => r!.session.accessToken))).toEqual(new Set(['at-1']));
    const stored = JSON.parse((await store.get(OAUTH_SESSION_KEY))!) as StoredOAuthSession;
    expect(stored.refreshToken).toBe('rt-1');
  });

  it('on 401 refreshes once per generation, then never sends a spent refresh token', async () => {
    const { endpoint, session, ready } = setup(expired({ expiresAt: Date.now() + 3_600_000 }));
    await ready;
    const { generation } = (await session.current())!;
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => session.onUnauthorized(generation)));
    expect(outcomes.every(Boolean)).toBe(true);
    expect(endpoint.calls).toEqual(['rt-0']);
    // A late 401 carrying the old generation does not refresh again.
    expect(await session.onUnauthorized(generation)).toBe(true);
    const next = (await session.current())!;
    expect(await session.onUnauthorized(next.generation)).toBe(true);
    expect(endpoint.calls).toEqual(['rt-0', 'rt-1']);
    expect(new Set(endpoint.calls).size).toBe(endpoint.calls.length);
  });

  it('adopts a token another process rotated instead of reusing its own spent one', async () => {
    const { store, endpoint, session, ready } = setup(expired());
    await ready;
    await session.peek();
    // Another process refreshed meanwhile: rt-0 is spent, rt-1 is in the store.
    await endpoint.refresh('rt-0');
    endpoint.calls = [];
    await store.set(
      OAUTH_SESSION_KEY,
      JSON.stringify(expired({ accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: Date.now() + 3_600_000 })),
    );
    const cur = await session.current();
    expect(cur!.session.accessToken).toBe('at-1');
    expect(endpoint.calls).toEqual([]);
  });

  it('a revoked refresh token clears the session, reports it lost and asks for a new login', async () => {
    const { store, endpoint, session, ready, lost } = setup(expired());
    await ready;
    endpoint.revoked = true;
    const errors = await Promise.all(Array.from({ length: 5 }, () => session.current().catch((e: unknown) => e)));
    for (const e of errors) {
      expect(e).toBeInstanceOf(InvalidGrantError);
      expect((e as InvalidGrantError).hint).toMatch(/atlassian-mcp login/);
    }
    expect(endpoint.calls).toEqual(['rt-0']);
    expect(lost()).toBe(1);
    expect(await store.get(OAUTH_SESSION_KEY)).toBeUndefined();
    expect(await session.current()).toBeUndefined();
  });

  it('refreshes within a minute of expiry, and short-lived tokens only in their last quarter', async () => {
    const soon = setup(expired({ expiresAt: Date.now() + 30_000 }));
    await soon.ready;
    await soon.session.current();
    expect(soon.endpoint.calls).toEqual(['rt-0']);
    const short = setup(expired({ issuedAt: Date.now() - 10_000, expiresAt: Date.now() + 30_000 }));
    await short.ready;
    await short.session.current();
    expect(short.endpoint.calls).toEqual([]);
  });

  it("losing a refresh race to another process keeps that process's session instead of signing out", async () => {
    const { store, endpoint, session, ready, lost } = setup(expired());
    await ready;
    await session.peek();
    // The other process refreshes with rt-0 and stores rt-1 while our refresh with rt-0 is in flight.
    const original = endpoint.refresh.bind(endpoint);
    endpoint.refresh = async (rt: string) => {
      const theirs = await original(rt);
      await store.set(
        OAUTH_SESSION_KEY,
        JSON.stringify(
          expired({ accessToken: theirs.accessToken, refreshToken: theirs.refreshToken, expiresAt: theirs.expiresAt }),
        ),
      );
      return original(rt);
    };
    const cur = await session.current();
    expect(cur!.session.accessToken).toBe('at-1');
    expect(lost()).toBe(0);
    expect(JSON.parse((await store.get(OAUTH_SESSION_KEY))!).refreshToken).toBe('rt-1');
  });
});
