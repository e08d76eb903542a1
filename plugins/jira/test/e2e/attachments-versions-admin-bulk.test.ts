import { mkdtemp, realpath, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startJiraSite, type JiraSite } from './jira-site.js';

describe('attachments, versions, admin-destructive and bulk toolsets', () => {
  let site: JiraSite;
  let dir: string;
  beforeAll(async () => {
    dir = await realpath(await mkdtemp(join(tmpdir(), 'jira-attach-')));
    site = await startJiraSite({
      toolsets: ['jira:attachments', 'jira:versions', 'jira:admin-destructive', 'jira:bulk', 'jira:issues'],
      allowDestructive: true,
      capabilities: { elicitation: { form: {} } },
      allowedDirs: [dir],
    });
  });
  afterAll(async () => {
    await site.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function newTask(summary: string): Promise<string> {
    return (await site.ok('jira_create_issue', { project: 'NOVA', type: 'Task', summary })).structured.key as string;
  }

  it('attaches a local file and base64 content, lists them, and reads one back as a resource', async () => {
    const key = await newTask('Attachment target');
    const file = join(dir, 'trace.log');
    await writeFile(file, 'line 1\nline 2\n');
    const asked: string[] = [];
    site.mcp.client.setRequestHandler('elicitation/create', (async (req: { params: { message: string } }) => {
      asked.push(req.params.message);
      return { action: 'accept', content: { confirm: true } };
    }) as never);
    await site.ok('jira_add_attachment', { issueKey: key, path: file });
    // The user confirmed the resolved path and the size.
    expect(asked).toEqual([`Read the local file ${file} (14 B) to attach it to ${key}?`]);
    await site.ok('jira_add_attachment', {
      issueKey: key,
      base64: Buffer.from('{"ok":true}').toString('base64'),
      filename: 'result.json',
    });
    const { structured } = await site.ok('jira_list_attachments', { issueKey: key });
    const rows = structured.attachments as Array<{ id: string; filename: string; uri: string }>;
    expect(rows.map((r) => r.filename).sort()).toEqual(['result.json', 'trace.log']);
    const log = rows.find((r) => r.filename === 'trace.log')!;
    // The result also carries each attachment as an MCP resource link.
    const listed = (await site.mcp.call('jira_list_attachments', { issueKey: key })).raw as {
      content: Array<{ type: string; uri?: string; name?: string }>;
    };
    expect(
      listed.content
        .filter((c) => c.type === 'resource_link')
        .map((c) => c.name)
        .sort(),
    ).toEqual(['result.json', 'trace.log']);
    expect(listed.content.find((c) => c.name === 'trace.log')).toMatchObject({
      type: 'resource_link',
      uri: log.uri,
      mimeType: 'text/plain',
    });
    const read = await site.mcp.client.readResource({ uri: log.uri });
    expect(read.contents[0]).toMatchObject({ uri: log.uri, text: 'line 1\nline 2\n' });
    expect(await site.fails('jira_add_attachment', { issueKey: key, path: join(dir, 'missing.txt') })).toContain(
      'No file at',
    );
    expect(await site.fails('jira_add_attachment', { issueKey: key, base64: 'aGk=' })).toContain(
      '`filename` is required',
    );
  });

  it('creates, updates and releases a version; creates a component', async () => {
    const created = await site.ok('jira_create_version', {
      project: 'NOVA',
      name: '9.9.9',
      description: 'Test release',
    });
    const id = created.structured.id as string;
    await site.ok('jira_update_version', { versionId: id, released: true });
    const versions = await site.rest<Array<{ id: string; released: boolean; releaseDate?: string }>>(
      '/rest/api/3/project/NOVA/versions',
    );
    expect(versions.find((v) => v.id === id)).toMatchObject({ released: true, releaseDate: expect.any(String) });
    const released = await site.ok('jira_list_versions', { project: 'NOVA', released: true });
    expect((released.structured.versions as Array<{ name: string }>).map((v) => v.name)).toContain('9.9.9');
    await site.ok('jira_create_component', { project: 'NOVA', name: 'Payments', lead: 'Tom Becker' });
    const components = await site.rest<Array<{ name: string }>>('/rest/api/3/project/NOVA/components');
    expect(components.map((c) => c.name)).toContain('Payments');
  });

  it('deletes only after the user confirms through elicitation', async () => {
    let answer: 'accept' | 'decline' = 'decline';
    const asked: string[] = [];
    site.mcp.client.setRequestHandler('elicitation/create', (async (req: { params: { message: string } }) => {
      asked.push(req.params.message);
      return answer === 'accept' ? { action: 'accept', content: { confirm: true } } : { action: 'decline' };
    }) as never);
    const key = await newTask('Delete me');
    const declined = await site.ok('jira_delete_issue', { issueKey: key });
    expect(declined.structured).toMatchObject({ id: key, deleted: false });
    expect(asked[0]).toContain(`Permanently delete ${key} "Delete me"`);
    await site.rest(`/rest/api/3/issue/${key}`);
    answer = 'accept';
    const done = await site.ok('jira_delete_issue', { issueKey: key });
    expect(done.structured).toMatchObject({ id: key, deleted: true });
    await expect(site.rest(`/rest/api/3/issue/${key}`)).rejects.toThrow(/404/);
  });

  it('bulk-creates issues (all checked first) and bulk-transitions them with per-issue outcomes', async () => {
    const bad = await site.fails('jira_bulk_create_issues', {
      project: 'NOVA',
      issues: [{ summary: 'fine' }, { type: 'Bug', summary: 'no severity' }],
    });
    expect(bad).toContain('Issue 2 ("no severity")');
    const { structured } = await site.ok('jira_bulk_create_issues', {
      project: 'NOVA',
      issues: [
        { summary: 'Bulk one', fields: { 'Story Points': 1 } },
        { summary: 'Bulk two' },
        { type: 'Bug', summary: 'Bulk bug', fields: { Severity: 'Sev 3 - Minor' } },
      ],
    });
    const keys = (structured.created as Array<{ key: string }>).map((c) => c.key);
    expect(keys).toHaveLength(3);
    const progress: number[] = [];
    const moved = (await site.mcp.client.callTool(
      { name: 'jira_bulk_transition', arguments: { issueKeys: [...keys, 'NOVA-999999'], to: 'In Progress' } },
      { onprogress: (p: { progress: number }) => progress.push(p.progress) } as never,
    )) as { isError?: boolean; structuredContent: Record<string, unknown> };
    expect(moved.isError).not.toBe(true);
    // Notifications race the final response in the SDK client: at least one arrives, in order.
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    const results = moved.structuredContent.results as Array<{ key: string; error?: string }>;
    expect(results.filter((r) => !r.error).map((r) => r.key)).toEqual(keys);
    expect(results.find((r) => r.key === 'NOVA-999999')?.error).toBeDefined();
    for (const k of keys)
      expect(
        (await site.rest<{ fields: { status: { name: string } } }>(`/rest/api/3/issue/${k}?fields=status`)).fields
          .status.name,
      ).toBe('In Progress');
    expect(await site.fails('jira_bulk_create_issues', { project: 'NOVA', issues: [] })).toContain(
      'Create 1 to 50 issues',
    );
  });
});
