import { mkdtemp, rm, utimes, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileRefreshLock } from '../../src/auth/refresh-lock.js';
import { FileCredentialStore } from '../../src/auth/file-credential-store.js';
import { OAuthSession, OAUTH_SESSION_KEY, type StoredOAuthSession } from '../../src/auth/oauth-session.js';
import { InvalidGrantError, type IssuedTokens, type OAuthClient } from '../../src/auth/oauth-client.js';
import { captureLogger } from '../http/helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'amcp-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('FileRefreshLock', () => {
  it('runs one holder at a time and removes the lock file afterwards', async () => {
    const lock = new FileRefreshLock(dir);
    const order: string[] = [];
    const job = (name: string) =>
      lock.run(async () => {
        order.push(`${name}:in`);
        await new Promise((r) => setTimeout(r, 20));
        order.push(`${name}:out`);
      });
    await Promise.all([job('a'), job('b')]);
    expect([order.slice(0, 2), order.slice(2)].every((pair) => pair[0]!.split(':')[0] === pair[1]!.split(':')[0])).toBe(
      true,
    );
    await expect(access(lock.file)).rejects.toThrow();
  });

  it('takes over a stale lock left by a crashed process', async () => {
    const lock = new FileRefreshLock(dir, 1_000, 5_000);
    await writeFile(lock.file, '999999');
    const old = new Date(Date.now() - 60_000);
    await utimes(lock.file, old, old);
    await expect(lock.run(async () => 'ran')).resolves.toBe('ran');
  });

  it('goes ahead without the lock rather than block forever behind a live holder', async () => {
    const lock = new FileRefreshLock(dir, 60_000, 100);
    await writeFile(lock.file, '1');
    await expect(lock.run(async () => 'ran')).resolves.toBe('ran');
  });
});

it('two processes sharing a file store refresh with the token only once', async () => {
  const calls: string[] = [];
  let valid = new Set(['rt-0']);
  const endpoint = {
    async refresh(rt: string): Promise<IssuedTokens> {
      calls.push(rt);
      await new Promise((r) => setTimeout(r, 30));
      if (!valid.has(rt)) throw new InvalidGrantError();
      valid = new Set(['rt-1']);
      return {
        accessToken: 'at-1',
        refreshToken: 'rt-1',
        issuedAt: Date.now(),
        expiresAt: Date.now() + 3_600_000,
        scopes: [],
      };
    },
  } as unknown as OAuthClient;
  const expired: StoredOAuthSession = {
    accessToken: 'at-0',
    refreshToken: 'rt-0',
    expiresAt: Date.now() - 1,
    scopes: [],
    cloudId: 'c',
    siteUrl: 'https://a.atlassian.net',
    clientId: 'id',
  };
  await new FileCredentialStore(dir).set(OAUTH_SESSION_KEY, JSON.stringify(expired));
  const processes = [0, 1].map(
    () =>
      new OAuthSession(
        new FileCredentialStore(dir),
        async () => endpoint,
        captureLogger().logger,
        () => undefined,
        new FileRefreshLock(dir),
      ),
  );
  const [a, b] = await Promise.all(processes.map((p) => p.current()));
  expect(calls).toEqual(['rt-0']);
  expect(a!.session.accessToken).toBe('at-1');
  expect(b!.session.accessToken).toBe('at-1');
});
