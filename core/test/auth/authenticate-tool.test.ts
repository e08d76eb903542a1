import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import jiraPlugin from '@atlassian-mcp/plugin-jira';
import { createTestHarness, type TestHarness } from '../../src/testing/harness.js';
import { FileCredentialStore } from '../../src/auth/file-credential-store.js';
import { registerHttpAndAuth } from '../../src/http/register.js';
import { consentingBrowser, freePort } from './sandbox-helpers.js';

let sb: Sandbox;
let dir: string;
let harness: TestHarness;
beforeAll(async () => {
  sb = await startSandbox({ seed: 'empty' });
  dir = await mkdtemp(join(tmpdir(), 'amcp-authtool-'));
  harness = await createTestHarness({
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
    },
    configureContainer: (root) =>
      registerHttpAndAuth(root, {
        credentialStore: new FileCredentialStore(dir),
        openBrowser: consentingBrowser,
        notice: () => undefined,
        env: { ATLASSIAN_CLIENT_SECRET: sb.credentials.oauth.clientSecret },
      }),
  });
});
afterAll(async () => {
  await harness.close();
  await sb.close();
  await rm(dir, { recursive: true, force: true });
});

const names = async () => (await harness.client.listTools()).tools.map((t) => t.name);

it('a client that starts unauthenticated signs in with authenticate_atlassian and is told the tool list changed', async () => {
  expect(await names()).toEqual(['authenticate_atlassian']);
  const refused = await harness.call('jira_get_current_user');
  expect(refused.isError).toBe(true);

  let changed!: () => void;
  const listChanged = new Promise<void>((r) => (changed = r));
  harness.client.setNotificationHandler('notifications/tools/list_changed', () => changed());
  const signIn = await harness.call('authenticate_atlassian');
  expect(signIn.isError).toBe(false);
  expect(signIn.structured).toMatchObject({ status: 'signed_in', site: sb.siteUrl });
  await listChanged;

  const after = await names();
  expect(after).toEqual(expect.arrayContaining(['jira_get_current_user', 'jira_search', 'authenticate_atlassian']));
  const me = await harness.call('jira_get_current_user');
  expect(me.isError).toBe(false);
  expect(JSON.stringify(me.structured)).toContain(sb.credentials.accountId);

  const again = await harness.call('authenticate_atlassian');
  expect(again.structured).toMatchObject({ status: 'already_signed_in' });
});
