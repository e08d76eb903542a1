// The hosted sign-in end to end, one server against the sandbox site and a real Redis: an MCP
// client discovers the Protected Resource Metadata, registers (dynamically, or with a Client ID
// Metadata Document), the user consents here and at the sandbox's Atlassian, and each tool call
// then runs with that user's own Atlassian credentials.
import { readFileSync } from 'node:fs';
import { callTool, signIn, type SignedIn } from './support/mcp-sign-in';
import { startHostedFixture, type HostedFixture } from './support/hosted-fixture';
import { startRedis, type RedisServer } from './support/redis-server';

const MAYA = 'maya.chen@nimbus-works.example';
const JONAS = 'jonas.weber@nimbus-works.example';

let redis: RedisServer;
let f: HostedFixture;
// A Client ID Metadata Document at an https URL (the SDK client insists on https); the server's
// outbound fetch serves it, everything else goes to the network.
const metadataUrl = 'https://mcp-client.example/oauth/client.json';
const metadataDocument = {
  client_id: metadataUrl,
  client_name: 'Metadata Document Client',
  redirect_uris: ['http://127.0.0.1:7777/callback'],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  token_endpoint_auth_method: 'none',
};
const metadataFetches: string[] = [];
const serverFetch = async (input: string | URL | Request, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input);
  if (url !== metadataUrl) return fetch(input, init);
  metadataFetches.push(url);
  return Response.json(metadataDocument);
};
const sessions: SignedIn[] = [];

beforeAll(async () => {
  redis = await startRedis();
  f = await startHostedFixture({ redisUrl: redis.url, fetch: serverFetch });
});

afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => undefined);
  await f?.close();
  await redis?.stop();
});

describe('hosted sign-in', () => {
  it('serves Protected Resource Metadata naming this server as the authorization server', async () => {
    const res = await fetch(`${f.server.url}/.well-known/oauth-protected-resource/mcp`);
    const prm = (await res.json()) as Record<string, unknown>;
    expect(prm.resource).toBe(f.mcpUrl);
    expect(prm.authorization_servers).toEqual([f.server.url]);
    const as = (await (await fetch(`${f.server.url}/.well-known/oauth-authorization-server`)).json()) as Record<
      string,
      unknown
    >;
    expect(as).toMatchObject({
      issuer: f.server.url,
      code_challenge_methods_supported: ['S256'],
      client_id_metadata_document_supported: true,
    });
  });

  it('signs two users in (dynamic registration, and a Client ID Metadata Document); each call runs as its user', async () => {
    const maya = await signIn(f.mcpUrl, MAYA);
    sessions.push(maya);
    const jonas = await signIn(f.mcpUrl, JONAS, { clientMetadataUrl: metadataUrl });
    sessions.push(jonas);
    expect(maya.trace.consentPage).toContain('client of maya.chen');
    expect(jonas.trace.consentPage).toContain('Metadata Document Client');
    expect(jonas.provider.clientInformation()?.client_id).toBe(metadataUrl);
    expect(metadataFetches.length).toBeGreaterThan(0);

    const me = await callTool(maya.client, 'jira_get_current_user');
    const them = await callTool(jonas.client, 'jira_get_current_user');
    expect(me.isError).toBe(false);
    expect(me.text).toContain('Maya Chen');
    expect(them.text).toContain('Jonas Weber');
    expect(them.text).not.toContain('Maya');

    // The sandbox saw each user's own bearer token, never a shared one.
    const accounts = new Set(f.sandbox.requests.filter((r) => r.via === 'gateway').map((r) => r.accountId));
    expect(accounts.size).toBe(2);
  });

  it('records the user in the audit log of each write', async () => {
    const [maya, jonas] = sessions as [SignedIn, SignedIn];
    const a = await callTool(maya.client, 'jira_add_comment', { issueKey: 'NOVA-1', body: 'from Maya' });
    const b = await callTool(jonas.client, 'jira_add_comment', { issueKey: 'NOVA-1', body: 'from Jonas' });
    expect(a.isError).toBe(false);
    expect(b.isError).toBe(false);
    const records = readFileSync(f.auditFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { tool: string; user?: string });
    const users = records.filter((r) => r.tool === 'jira_add_comment').map((r) => r.user);
    expect(users).toEqual([expect.stringContaining('Maya Chen'), expect.stringContaining('Jonas Weber')]);
    const jira = f.sandbox.site.jira;
    const comments = jira.comments(jira.issue('NOVA-1')!.id);
    const authors = comments.slice(-2).map((c) => jira.user(c.authorId)?.displayName);
    expect(authors).toEqual(['Maya Chen', 'Jonas Weber']);
  });
});
