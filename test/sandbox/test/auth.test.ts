import { createHash, randomBytes } from 'node:crypto';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';

const b64url = (b: Buffer) => b.toString('base64url');

describe('auth: Basic, OAuth 2.0 (3LO) with PKCE and rotating refresh tokens, gateway, scopes — over real loopback HTTP', () => {
  let sb: Sandbox;
  let clock = Date.now();
  beforeAll(async () => {
    sb = await startSandbox({ now: () => clock, accessTokenTtl: 600 });
  });
  afterAll(() => sb.close());
  beforeEach(() => sb.reset());

  const url = () => sb.url!;
  const redirectUri = 'http://127.0.0.1:53682/callback';

  async function authorize(scope: string, extra: Record<string, string> = {}) {
    const verifier = b64url(randomBytes(32));
    const challenge = b64url(createHash('sha256').update(verifier).digest());
    const q = new URLSearchParams({
      audience: 'api.atlassian.com',
      client_id: sb.credentials.oauth.clientId,
      scope,
      redirect_uri: redirectUri,
      state: 'st-123',
      response_type: 'code',
      prompt: 'consent',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    });
    const res = await fetch(`${url()}/authorize?${q}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get('location')!);
    expect(`${loc.origin}${loc.pathname}`).toBe(redirectUri);
    expect(loc.searchParams.get('state')).toBe('st-123');
    return { code: loc.searchParams.get('code')!, verifier };
  }

  async function token(body: Record<string, string>, form = true) {
    const res = await fetch(`${url()}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
      body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  const { clientId, clientSecret } = { clientId: 'sandbox-client-id', clientSecret: 'sandbox-client-secret' };

  it('Basic auth works on the site host; bad tokens get 401', async () => {
    const ok = await fetch(`${url()}/rest/api/3/myself`, { headers: { authorization: sb.basicAuth() } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { emailAddress: string }).emailAddress).toBe(sb.credentials.email);
    const bad = await fetch(`${url()}/rest/api/3/myself`, {
      headers: { authorization: `Basic ${Buffer.from(`${sb.credentials.email}:nope`).toString('base64')}` },
    });
    expect(bad.status).toBe(401);
    const none = await fetch(`${url()}/rest/api/3/myself`);
    expect(none.status).toBe(401);
    expect(sb.requests.map((r) => r.auth)).toEqual(['basic', 'invalid', 'none']);
  });

  it('tenant_info gives the cloudId', async () => {
    const r = await fetch(`${url()}/_edge/tenant_info`);
    expect(await r.json()).toEqual({ cloudId: sb.credentials.cloudId });
  });

  it('code flow with PKCE, gateway calls, refresh rotation, reuse refused', async () => {
    const { code, verifier } = await authorize('read:jira-work read:jira-user write:jira-work offline_access');
    const t1 = await token({
      grant_type: 'authorization_code',
      client_id: clientId,
      client_secret: clientSecret,
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    expect(t1.status).toBe(200);
    expect(t1.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 600,
      scope: 'read:jira-work read:jira-user write:jira-work offline_access',
    });
    expect(typeof t1.body.access_token).toBe('string');
    expect(typeof t1.body.refresh_token).toBe('string');

    // The code is single use.
    const again = await token({
      grant_type: 'authorization_code',
      client_id: clientId,
      client_secret: clientSecret,
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    expect(again.status).toBe(403);

    const bearer = { authorization: `Bearer ${t1.body.access_token}` };
    const res = await fetch(`${url()}/oauth/token/accessible-resources`, { headers: bearer });
    const resources = (await res.json()) as Array<{ id: string; url: string; scopes: string[] }>;
    expect(resources).toEqual([expect.objectContaining({ id: sb.credentials.cloudId, url: sb.url })]);
    expect(resources[0]!.scopes).not.toContain('offline_access');

    const me = await fetch(`${url()}/ex/jira/${sb.credentials.cloudId}/rest/api/3/myself`, { headers: bearer });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { self: string }).self).toContain(
      `/ex/jira/${sb.credentials.cloudId}/rest/api/3/user`,
    );
    // 3LO tokens do not work on the site host.
    expect((await fetch(`${url()}/rest/api/3/myself`, { headers: bearer })).status).toBe(401);
    // Unknown cloudId.
    expect(
      (await fetch(`${url()}/ex/jira/00000000-0000-0000-0000-000000000000/rest/api/3/myself`, { headers: bearer }))
        .status,
    ).toBe(404);

    // Refresh (JSON body this time): a new pair, the old refresh token is dead.
    const t2 = await token(
      {
        grant_type: 'refresh_token',
        client_id: clientId,
        client_secret: clientSecret,
        refresh_token: t1.body.refresh_token,
      },
      false,
    );
    expect(t2.status).toBe(200);
    expect(t2.body.refresh_token).not.toBe(t1.body.refresh_token);
    expect(t2.body.access_token).not.toBe(t1.body.access_token);
    // Past Atlassian's ~10-minute leeway, a spent refresh token is refused and kills the chain.
    clock += 11 * 60_000;
    const reuse = await token({
      grant_type: 'refresh_token',
      client_id: clientId,
      client_secret: clientSecret,
      refresh_token: t1.body.refresh_token,
    });
    expect(reuse).toEqual({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' },
    });
    // Atlassian revokes the whole chain after a reuse.
    const after = await token({
      grant_type: 'refresh_token',
      client_id: clientId,
      client_secret: clientSecret,
      refresh_token: t2.body.refresh_token,
    });
    expect(after.status).toBe(403);
    expect(sb.oauth.stats.refreshReuse).toBe(1);
    clock -= 11 * 60_000;
  });

  it("within Atlassian's reuse leeway a spent refresh token still works once the answer was lost, and the chain lives on", async () => {
    const { code, verifier } = await authorize('read:jira-work offline_access');
    const t1 = await token({
      grant_type: 'authorization_code',
      client_id: clientId,
      client_secret: clientSecret,
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    const refresh = (rt: string) =>
      token({ grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret, refresh_token: rt });
    const lost = await refresh(t1.body.refresh_token); // the client never saw this answer
    expect(lost.status).toBe(200);
    clock += 5 * 60_000;
    const retried = await refresh(t1.body.refresh_token);
    expect(retried.status).toBe(200);
    expect(retried.body.refresh_token).not.toBe(lost.body.refresh_token);
    expect((await refresh(retried.body.refresh_token)).status).toBe(200);
    expect(sb.oauth.stats).toMatchObject({ refreshReuse: 1, refreshReuseInLeeway: 1 });
    clock -= 5 * 60_000;
  });

  it('PKCE: a wrong or missing verifier is refused', async () => {
    const a = await authorize('read:jira-work');
    const wrong = await token({
      grant_type: 'authorization_code',
      client_id: clientId,
      client_secret: clientSecret,
      code: a.code,
      redirect_uri: redirectUri,
      code_verifier: 'x'.repeat(43),
    });
    expect(wrong).toEqual({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Failed to verify code verifier' },
    });
    const b = await authorize('read:jira-work');
    const missing = await token({
      grant_type: 'authorization_code',
      client_id: clientId,
      client_secret: clientSecret,
      code: b.code,
      redirect_uri: redirectUri,
    });
    expect(missing.status).toBe(403);
  });

  it('client secret is checked; no refresh token without offline_access', async () => {
    const a = await authorize('read:jira-work');
    const bad = await token({
      grant_type: 'authorization_code',
      client_id: clientId,
      client_secret: 'wrong',
      code: a.code,
      redirect_uri: redirectUri,
      code_verifier: a.verifier,
    });
    expect(bad.status).toBe(401);
    const b = await authorize('read:jira-work');
    const ok = await token({
      grant_type: 'authorization_code',
      client_id: clientId,
      client_secret: clientSecret,
      code: b.code,
      redirect_uri: redirectUri,
      code_verifier: b.verifier,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.refresh_token).toBeUndefined();
  });

  it('authorize: unknown client and bad redirect are rejected; missing audience redirects with an error', async () => {
    const q = (o: Record<string, string>) =>
      new URLSearchParams({
        audience: 'api.atlassian.com',
        client_id: clientId,
        scope: 'read:jira-work',
        redirect_uri: redirectUri,
        state: 's',
        response_type: 'code',
        ...o,
      });
    expect((await fetch(`${url()}/authorize?${q({ client_id: 'other' })}`, { redirect: 'manual' })).status).toBe(400);
    expect(
      (await fetch(`${url()}/authorize?${q({ redirect_uri: 'https://evil.example/cb' })}`, { redirect: 'manual' }))
        .status,
    ).toBe(400);
    const noAud = await fetch(`${url()}/authorize?${q({ audience: '' })}`, { redirect: 'manual' });
    expect(new URL(noAud.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
  });

  it('access tokens expire (clock) and on demand', async () => {
    const t = sb.oauth.issueTokens({ scopes: ['read:jira-work', 'read:jira-user', 'offline_access'] });
    const call = () =>
      fetch(`${url()}/ex/jira/${sb.credentials.cloudId}/rest/api/3/myself`, {
        headers: { authorization: `Bearer ${t.access_token}` },
      });
    expect((await call()).status).toBe(200);
    clock += 601_000;
    const expired = await call();
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ code: 401, message: 'Unauthorized' });
    clock -= 601_000;
    expect((await call()).status).toBe(200);
    const r = await fetch(`${url()}/__sandbox/oauth/expire-access-tokens`, { method: 'POST' });
    expect(((await r.json()) as { expired: number }).expired).toBeGreaterThan(0);
    expect((await call()).status).toBe(401);
  });

  it('scopes from x-atlassian-oauth2-scopes are enforced per operation', async () => {
    const t = sb.oauth.issueTokens({ scopes: ['read:jira-user'] });
    const h = { authorization: `Bearer ${t.access_token}` };
    const gw = `${url()}/ex/jira/${sb.credentials.cloudId}`;
    expect((await fetch(`${gw}/rest/api/3/myself`, { headers: h })).status).toBe(200);
    const denied = await fetch(`${gw}/rest/api/3/issue/NOVA-1`, { headers: h });
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
    // Granular (Beta) scope sets work too.
    const granular = sb.oauth.issueTokens({
      scopes: [
        'read:issue-meta:jira',
        'read:issue-security-level:jira',
        'read:issue.vote:jira',
        'read:issue.changelog:jira',
        'read:avatar:jira',
        'read:issue:jira',
        'read:status:jira',
        'read:user:jira',
        'read:field-configuration:jira',
      ],
    });
    expect(
      (await fetch(`${gw}/rest/api/3/issue/NOVA-1`, { headers: { authorization: `Bearer ${granular.access_token}` } }))
        .status,
    ).toBe(200);
  });

  it('in-process fetch answers the same app without a socket', async () => {
    const quiet = await startSandbox({ listen: false });
    try {
      expect(quiet.url).toBeUndefined();
      const r = await quiet.fetch('http://anything.invalid/rest/api/3/myself', {
        headers: { authorization: quiet.basicAuth() },
      });
      expect(r.status).toBe(200);
      const a = await quiet.fetch(
        `/authorize?${new URLSearchParams({ audience: 'api.atlassian.com', client_id: clientId, scope: 'read:jira-work', redirect_uri: redirectUri, state: 'x', response_type: 'code' })}`,
        { redirect: 'manual' },
      );
      expect(a.status).toBe(302);
      expect(a.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:53682\/callback\?code=/);
    } finally {
      await quiet.close();
    }
  });
});
