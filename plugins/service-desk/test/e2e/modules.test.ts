import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';

const bin = join(resolve(__dirname, '../../../..'), 'bin/atlassian-mcp.js');

// The seed selected Service Management with ATLASSIAN_MODULES=service_desk: the real stdio server,
// started that way, offers this plugin alone and answers against a site.
describe('ATLASSIAN_MODULES=service_desk', () => {
  let sandbox: Sandbox;
  let client: Client | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await client?.close();
    await sandbox.close();
  });

  it('serves only the servicedesk_ tools, and they answer', async () => {
    client = new Client({ name: 'seed-user', version: '1' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [bin],
        cwd: mkdtempSync(join(tmpdir(), 'amcp-sd-modules-')),
        stderr: 'pipe',
        env: {
          ...process.env,
          ATLASSIAN_MODULES: 'service_desk',
          ATLASSIAN_SITE_URL: sandbox.url!,
          ATLASSIAN_EMAIL: sandbox.credentials.email,
          ATLASSIAN_API_TOKEN: sandbox.credentials.apiToken,
        },
      }),
    );
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toContain('servicedesk_create_request');
    expect(names.every((n) => n.startsWith('servicedesk_') || !/^(jira|confluence)_/.test(n))).toBe(true);
    const r = (await client.callTool({ name: 'servicedesk_list_service_desks', arguments: {} })) as {
      content: Array<{ text: string }>;
    };
    expect(r.content[0]!.text).toMatch(/1 ITS IT Service Desk\n2 HR HR Service Desk/);
  });
});
