import type { TestHarness } from '@atlassian-mcp/core/testing';
import { oauthHarness } from '../../../../test/e2e/support/oauth-harness';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import serviceDeskPlugin from '@atlassian-mcp/plugin-service-desk';

// Under OAuth, JSM is reached through the Jira gateway (/ex/jira/{cloudId}) and Assets through the
// same gateway under /jsm/assets/…: each tool is offered only when the grant covers its scopes.
describe('Service Management and Assets over OAuth, through the gateway', () => {
  let sandbox: Sandbox;
  let h: TestHarness;
  const granted = [
    'read:servicedesk-request',
    'write:servicedesk-request',
    'read:jira-work',
    'read:cmdb-object:jira',
    'read:cmdb-attribute:jira',
    'read:cmdb-schema:jira',
    'read:cmdb-type:jira',
    'offline_access',
  ];
  beforeAll(async () => {
    sandbox = await startSandbox({ listen: true });
    h = await oauthHarness(sandbox, {
      plugins: [serviceDeskPlugin],
      granted,
      config: { toolsets: ['service-desk:all'] },
    });
  });
  afterAll(async () => {
    await h?.close();
    await sandbox.close();
  });

  it('offers only the tools the grant covers', async () => {
    const names = (await h.client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['servicedesk_get_request', 'servicedesk_add_comment', 'servicedesk_search_assets']),
    );
    // Customers need manage:servicedesk-customer; creating objects needs write:cmdb-object:jira.
    expect(names).not.toContain('servicedesk_list_customers');
    expect(names).not.toContain('servicedesk_create_asset');
  });

  it('reads a request and searches Assets through the gateway with the bearer token', async () => {
    sandbox.requests.length = 0;
    const request = await h.call('servicedesk_get_request', { issueKey: 'ITS-1' });
    expect(request.isError).toBe(false);
    const assets = await h.call('servicedesk_search_assets', { aql: 'objectType = Server' });
    expect(assets.isError).toBe(false);
    expect(assets.text).toMatch(/vpn-gw-01/);
    const calls = sandbox.requests.map((r) => ({ via: r.via, auth: r.auth, path: r.path }));
    expect(calls.every((c) => c.via === 'gateway' && c.auth === 'bearer')).toBe(true);
    expect(calls.some((c) => /^\/ex\/jira\/[^/]+\/jsm\/assets\/workspace\/[^/]+\/v1\/object\/aql$/.test(c.path))).toBe(
      true,
    );
  });
});
