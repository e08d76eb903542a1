import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import jiraPlugin from '@atlassian-mcp/plugin-jira';
import { createTestHarness, type TestHarness } from '../../src/testing/harness.js';
import { FileCredentialStore } from '../../src/auth/file-credential-store.js';
import { registerHttpAndAuth } from '../../src/http/register.js';
import type { BrowserOpener } from '../../src/auth/tokens.js';
import { consentingBrowser, freePort } from './sandbox-helpers.js';

// Issue 11, finding 9: a read-only OAuth server that was not signed in offered no tools and
// refused authenticate_atlassian (signing in writes nothing to Atlassian); a cancelled sign-in
// was audited as `internal`.

let sb: Sandbox;
let dir: string;
beforeAll(async () => {
  sb = await startSandbox({ seed: 'empty' });
});
afterAll(() => sb.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'amcp-signin-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function oauthServer(options: { readOnly?: boolean; browser: BrowserOpener; notice?: () => void }) {
  return createTestHarness({
    plugins: [jiraPlugin],
    config: {
      site: { url: sb.url, apiGatewayUrl: sb.url, authUrl: sb.url },
      auth: {
        type: 'oauth',
        oauth: {
          clientId: sb.credentials.oauth.clientId,
          redirectUri: `http://127.0.0.1:${await freePort()}/callback`,
        },
      },
      readOnly: options.readOnly ?? false,
      audit: { enabled: true, file: join(dir, 'audit.jsonl') },
    },
    configureContainer: (root) =>
      registerHttpAndAuth(root, {
        credentialStore: new FileCredentialStore(dir),
        openBrowser: options.browser,
        notice: options.notice ?? (() => undefined),
        env: { ATLASSIAN_CLIENT_SECRET: sb.credentials.oauth.clientSecret },
      }),
  });
}

async function auditRecords(): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(join(dir, 'audit.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

it('a read-only OAuth server that is not signed in offers authenticate_atlassian and signs in; writes stay off', async () => {
  const h: TestHarness = await oauthServer({ readOnly: true, browser: consentingBrowser });
  try {
    expect((await h.client.listTools()).tools.map((t) => t.name)).toEqual(['authenticate_atlassian']);
    const signIn = await h.call('authenticate_atlassian');
    expect(signIn.isError).toBe(false);
    expect(signIn.structured).toMatchObject({ status: 'signed_in' });
    const names = (await h.client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['jira_get_current_user', 'jira_search']));
    expect(names).not.toContain('jira_add_comment');
    const write = await h.call('jira_add_comment', { issueKey: 'NOVA-1', body: 'x' });
    expect(write.isError).toBe(true);
    expect(write.text).toMatch(/read-only mode/);
  } finally {
    await h.close();
  }
});

it('a sign-in the client cancels is audited as cancelled, not as an internal error', async () => {
  let noticed!: () => void;
  const urlShown = new Promise<void>((r) => (noticed = r));
  const h = await oauthServer({ browser: async () => undefined, notice: () => noticed() });
  try {
    const ac = new AbortController();
    const call = h.client.callTool({ name: 'authenticate_atlassian', arguments: {} }, { signal: ac.signal });
    await urlShown;
    ac.abort();
    await expect(call).rejects.toThrow();
    let records: Array<Record<string, unknown>> = [];
    for (let i = 0; i < 100 && records.length === 0; i++) {
      records = await auditRecords();
      if (records.length === 0) await sleep(20);
    }
    expect(records).toEqual([expect.objectContaining({ tool: 'authenticate_atlassian', error: 'cancelled' })]);
  } finally {
    await h.close();
  }
});
