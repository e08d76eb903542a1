import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import jiraPlugin from '@atlassian-mcp/plugin-jira';
import { createTestHarness } from '../../src/testing/harness.js';
import { FileCredentialStore } from '../../src/auth/file-credential-store.js';
import { registerHttpAndAuth } from '../../src/http/register.js';
import type { CredentialStore } from '../../src/auth/credential-store.js';
import { captureLogger } from '../http/helpers.js';
import { consentingBrowser, freePort } from './sandbox-helpers.js';

/** Records every value written, so the test knows every token that ever existed. */
class RecordingStore implements CredentialStore {
  readonly written: string[] = [];
  constructor(private readonly inner: FileCredentialStore) {}
  kind() {
    return this.inner.kind();
  }
  get(key: string) {
    return this.inner.get(key);
  }
  async set(key: string, value: string) {
    this.written.push(value);
    await this.inner.set(key, value);
  }
  delete(key: string) {
    return this.inner.delete(key);
  }
  describe() {
    return this.inner.describe();
  }
}

let sb: Sandbox;
let dir: string;
beforeAll(async () => {
  sb = await startSandbox();
  dir = await mkdtemp(join(tmpdir(), 'amcp-secrets-'));
});
afterAll(async () => {
  await sb.close();
  await rm(dir, { recursive: true, force: true });
});

it('no token or secret appears on stdout, stderr, logs, the audit log, tool results or next to the token file', async () => {
  const storeDir = join(dir, 'store');
  const auditFile = join(dir, 'audit.jsonl');
  const store = new RecordingStore(new FileCredentialStore(storeDir));
  const log = captureLogger('trace');
  const notices: string[] = [];
  const clientSecret = sb.credentials.oauth.clientSecret;
  const out: string[] = [];
  const err: string[] = [];
  const stdout = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  const stderr = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => (err.push(String(chunk)), true));
  const results: string[] = [];
  try {
    const harness = await createTestHarness({
      plugins: [jiraPlugin],
      logger: log.logger,
      config: {
        site: { url: sb.url, apiGatewayUrl: sb.url, authUrl: sb.url },
        auth: {
          type: 'oauth',
          storeDir,
          oauth: {
            clientId: sb.credentials.oauth.clientId,
            redirectUri: `http://127.0.0.1:${await freePort()}/callback`,
          },
        },
        audit: { enabled: true, file: auditFile },
        http: { debug: true },
        toolsets: ['all'],
      },
      configureContainer: (root) =>
        registerHttpAndAuth(root, {
          credentialStore: store,
          openBrowser: consentingBrowser,
          notice: (m) => {
            notices.push(m);
            process.stderr.write(`${m}\n`);
          },
          env: { ATLASSIAN_CLIENT_SECRET: clientSecret },
        }),
    });
    try {
      const record = (r: { isError: boolean; text: string; structured: unknown }) => {
        results.push(r.text, JSON.stringify(r.structured ?? null));
        return r;
      };
      expect(record(await harness.call('authenticate_atlassian')).isError).toBe(false);
      expect(record(await harness.call('jira_get_current_user')).isError).toBe(false);
      const found = record(
        await harness.call('jira_search', { jql: 'created >= -3650d ORDER BY created DESC', limit: 1 }),
      );
      expect(found.text).not.toMatch(/error/i);
      expect(found.isError).toBe(false);
      const key = /\b[A-Z][A-Z0-9]+-\d+\b/.exec(found.text)![0];
      sb.oauth.expireAccessTokens();
      expect(
        record(await harness.call('jira_add_comment', { issueKey: key, body: 'Checked by the secrets test.' })).isError,
      ).toBe(false);
      sb.oauth.revokeRefreshTokens();
      sb.oauth.expireAccessTokens();
      const lost = record(await harness.call('jira_get_current_user'));
      expect(lost.isError).toBe(true);
      expect(lost.text).toMatch(/atlassian-mcp login/);
    } finally {
      await harness.close();
    }
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }

  const secrets = new Set<string>([clientSecret, sb.credentials.apiToken]);
  for (const value of store.written) {
    const s = JSON.parse(value) as { accessToken?: string; refreshToken?: string };
    if (s.accessToken) secrets.add(s.accessToken);
    if (s.refreshToken) secrets.add(s.refreshToken);
  }
  expect(secrets.size).toBeGreaterThanOrEqual(6);
  const neighbours = (await readdir(storeDir)).filter((f) => f !== 'credentials.json');
  const texts: Record<string, string> = {
    stdout: out.join(''),
    stderr: err.join(''),
    logs: log.text(),
    notices: notices.join('\n'),
    audit: await readFile(auditFile, 'utf8'),
    results: results.join('\n'),
    ...Object.fromEntries(
      await Promise.all(neighbours.map(async (f) => [f, await readFile(join(storeDir, f), 'utf8')])),
    ),
  };
  expect(texts.logs).toContain('atlassian request');
  expect(texts.audit).toContain('jira_add_comment');
  for (const [where, text] of Object.entries(texts)) {
    for (const secret of secrets) {
      if (text.includes(secret)) throw new Error(`a secret leaked into ${where}`);
    }
    expect(text).not.toMatch(/Bearer [A-Za-z0-9-]{8,}|Basic [A-Za-z0-9+/=]{8,}/);
  }
  expect(texts.stdout).toBe('');
  // Only the credential store itself (0600 here, the keychain normally) holds tokens and the client secret.
  expect((await stat(join(storeDir, 'credentials.json'))).mode & 0o777).toBe(0o600);
});
