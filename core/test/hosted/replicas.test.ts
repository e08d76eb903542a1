// Two hosted replicas (real processes of the built CLI) behind a real nginx, round-robin, sharing
// one real Redis; the sandbox site with its OAuth. Users sign in through the load balancer (each
// step may land on either replica), call tools as themselves, writes are audited per user by the
// replica that served them; a token for another audience is refused; a replica killed mid-run
// leaves the service working, and comes back serving the same users.
import { createLogger } from '../../src/logging/logger';
import { AccessTokens, tokenHash } from '../../src/hosted/oauth/access-tokens';
import { RedisStateStore } from '../../src/state/redis-state-store';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import { callTool, signIn, type SignedIn } from './support/mcp-sign-in';
import { newVaultKeys } from './support/hosted-fixture';
import { startNginx, type Nginx } from './support/nginx';
import { freePort } from './support/ports';
import { startRedis, type RedisServer } from './support/redis-server';
import { startReplicas, type Replica } from './support/replicas';

const MAYA = 'maya.chen@nimbus-works.example';
const JONAS = 'jonas.weber@nimbus-works.example';

let redis: RedisServer;
let sandbox: Sandbox;
let nginx: Nginx;
let replicas: Replica[];
let maya: SignedIn;
let jonas: SignedIn;
let mcpUrl: string;

beforeAll(async () => {
  redis = await startRedis();
  sandbox = await startSandbox({ listen: true });
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  mcpUrl = `${publicUrl}/mcp`;
  replicas = await startReplicas(2, {
    sandbox,
    redisUrl: redis.url,
    vaultKeys: newVaultKeys(),
    publicUrl,
    env: { ATLASSIAN_TOOLSETS: 'all' },
  });
  nginx = await startNginx(
    replicas.map((r) => r.address),
    port,
  );
}, 60_000);

afterAll(async () => {
  await maya?.close().catch(() => undefined);
  await jonas?.close().catch(() => undefined);
  await nginx?.stop();
  for (const r of replicas ?? []) await r.stop();
  await sandbox?.close();
  await redis?.stop();
}, 30_000);

/** Which replica served each request since `from` (nginx's access log). */
const upstreamsSince = (from: number) =>
  nginx
    .accessLog()
    .slice(from)
    .map((l) => l.split(' ')[0]!);

describe('two replicas behind nginx', () => {
  it('signs two users in through the load balancer: every step may land on either replica', async () => {
    const before = nginx.accessLog().length;
    maya = await signIn(mcpUrl, MAYA);
    jonas = await signIn(mcpUrl, JONAS);
    const used = new Set(upstreamsSince(before));
    expect(used).toEqual(new Set(replicas.map((r) => r.address)));
  });

  it('runs each call as its user, on both replicas', async () => {
    const before = nginx.accessLog().length;
    for (let i = 0; i < 4; i++) {
      const [me, them] = await Promise.all([
        callTool(maya.client, 'jira_get_current_user'),
        callTool(jonas.client, 'jira_get_current_user'),
      ]);
      expect(me.text).toContain('Maya Chen');
      expect(me.text).not.toContain('Jonas');
      expect(them.text).toContain('Jonas Weber');
      expect(them.text).not.toContain('Maya');
    }
    expect(new Set(upstreamsSince(before))).toEqual(new Set(replicas.map((r) => r.address)));
  });

  it('audits each write with its user, on the replica that served it; each write happens once', async () => {
    const issue = sandbox.site.jira.issue('NOVA-3')!;
    const before = sandbox.site.jira.comments(issue.id).length;
    for (let i = 0; i < 3; i++) {
      expect((await callTool(maya.client, 'jira_add_comment', { issueKey: 'NOVA-3', body: `maya ${i}` })).isError).toBe(
        false,
      );
      expect(
        (await callTool(jonas.client, 'jira_add_comment', { issueKey: 'NOVA-3', body: `jonas ${i}` })).isError,
      ).toBe(false);
    }
    const comments = sandbox.site.jira.comments(issue.id).slice(before);
    expect(comments).toHaveLength(6);
    const records = replicas.flatMap((r) => r.audit()).filter((a) => a.tool === 'jira_add_comment');
    expect(records).toHaveLength(6);
    expect(records.filter((a) => a.user?.includes('Maya Chen'))).toHaveLength(3);
    expect(records.filter((a) => a.user?.includes('Jonas Weber'))).toHaveLength(3);
    for (const r of replicas) expect(r.audit().some((a) => a.tool === 'jira_add_comment')).toBe(true);
  });

  it('shares a metadata lookup between the replicas (Redis): the site sees one field-list request per user', async () => {
    const fieldLists = () => sandbox.requests.filter((r) => r.route === '/rest/api/3/field');
    const sent = fieldLists().length;
    const before = nginx.accessLog().length;
    for (let i = 0; i < 4; i++) {
      const r = await callTool(maya.client, 'jira_search_fields', { query: 'story' });
      expect(r.isError).toBe(false);
      expect(r.text).toContain('Story Points');
    }
    // Round-robin: both replicas answered Maya, and only the first call asked the site.
    expect(new Set(upstreamsSince(before))).toEqual(new Set(replicas.map((r) => r.address)));
    const asked = () => fieldLists().slice(sent);
    expect(asked()).toHaveLength(1);
    // The list is Maya's (Jira lists the fields of the projects one may browse): Jonas gets his own.
    expect((await callTool(jonas.client, 'jira_search_fields', { query: 'story' })).isError).toBe(false);
    expect((await callTool(jonas.client, 'jira_search_fields', { query: 'story' })).isError).toBe(false);
    expect(asked()).toHaveLength(2);
    expect(asked()[1]!.accountId).not.toBe(asked()[0]!.accountId);
  });

  it('shows a page only to the user the site lets read it, on either replica (different permissions, same site)', async () => {
    // Maya's "1:1 notes" is read-restricted to her in the sandbox; Jonas has every scope Maya has.
    const notes = [...sandbox.site.confluence.contents.values()].find((c) => c.title === '1:1 notes')!;
    const query = 'title = "1:1 notes"';
    for (let i = 0; i < 2; i++) {
      const hers = await callTool(maya.client, 'confluence_search', { query });
      expect(hers.isError).toBe(false);
      expect(hers.text).toContain(notes.id);
      const his = await callTool(jonas.client, 'confluence_search', { query });
      expect(his.isError).toBe(false);
      expect(his.text).not.toContain(notes.id);
      const read = await callTool(jonas.client, 'confluence_get_page', { pageId: notes.id });
      expect(read.isError).toBe(true);
      expect(read.text).toMatch(/not found/i);
      expect(read.text).not.toContain('PG16');
    }
  });

  it('refuses a token issued for another audience (another deployment sharing the Redis)', async () => {
    const store = RedisStateStore.connect({ url: redis.url, logger: createLogger({ level: 'silent' }) });
    try {
      for (
        let i = 0;
        i < 100 &&
        !(await store.ping().then(
          () => true,
          () => false,
        ));
        i++
      )
        await new Promise((r) => setTimeout(r, 20));
      const own = maya.provider.tokens()!.access_token;
      const grant = JSON.parse((await store.get(`oauth:at:${tokenHash(own)}`))!) as {
        userId: string;
        label: string;
      };
      const foreign = await new AccessTokens(store, 600, 600).issue({
        ...grant,
        clientId: 'another-client',
        scopes: ['read:jira-work'],
        resource: `http://${replicas[0]!.address}/mcp`,
      });
      const sent = sandbox.requests.length;
      for (let i = 0; i < 2; i++) {
        const res = await fetch(mcpUrl, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${foreign.access_token}`,
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
          },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
        });
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toMatch(/invalid_token.*resource_metadata="http:\/\/127\.0\.0\.1/);
      }
      expect(sandbox.requests.length).toBe(sent);
    } finally {
      await store.close();
    }
  });

  it('keeps serving while a replica is killed mid-run, and the restarted replica serves the same users', async () => {
    const [first] = replicas as [Replica, Replica];
    let failures = 0;
    const read = async (who: SignedIn, name: string) => {
      // A call in flight on the killed replica fails (502); the client tries again.
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          const r = await callTool(who.client, 'jira_get_current_user');
          expect(r.text).toContain(name);
          return;
        } catch (e) {
          failures++;
          if (attempt === 2) throw e;
        }
      }
    };
    const run = (async () => {
      for (let i = 0; i < 12; i++) await Promise.all([read(maya, 'Maya Chen'), read(jonas, 'Jonas Weber')]);
    })();
    await new Promise((r) => setTimeout(r, 150));
    await first.kill();
    await run;
    // Only calls in flight on the killed replica (or on its idle pooled connections) fail.
    expect(failures).toBeLessThanOrEqual(4);

    await first.start();
    const before = nginx.accessLog().length;
    // nginx puts it back in the rotation once its fail_timeout passes.
    for (let i = 0; i < 40 && !upstreamsSince(before).includes(first.address); i++) {
      await read(maya, 'Maya Chen');
      await new Promise((r) => setTimeout(r, 100));
    }
    // It verifies tokens and opens the vault for users it never saw sign in.
    expect(upstreamsSince(before)).toContain(first.address);
  });
});
