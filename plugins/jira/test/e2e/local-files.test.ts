import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startJiraSite, type JiraSite } from './jira-site.js';

// Issue 11 finding 1: a prompt-injected model must not upload local secrets as attachments.
describe('local files (jira_add_attachment {path})', () => {
  let root: string;
  let home: string;
  let share: string;
  const realHome = process.env.HOME;

  beforeAll(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'amcp-files-')));
    home = join(root, 'home');
    share = join(home, 'share');
    await mkdir(join(home, '.ssh'), { recursive: true });
    await mkdir(join(home, '.config', 'atlassian-mcp'), { recursive: true });
    await mkdir(share, { recursive: true });
    await writeFile(join(home, '.ssh', 'id_ed25519'), 'PRIVATE KEY');
    await writeFile(join(home, '.config', 'atlassian-mcp', 'credentials.json'), '{"refresh":"secret"}');
    await writeFile(join(share, 'report.txt'), 'quarterly numbers');
    await writeFile(join(share, '.env'), 'ATLASSIAN_API_TOKEN=secret');
    await writeFile(join(root, 'outside.txt'), 'not shared');
    await symlink(join(home, '.ssh', 'id_ed25519'), join(share, 'innocent.txt'));
    await symlink('/proc/self/environ', join(share, 'env.txt'));
    // The server reads HOME (dot-directories, the default credential store) when it starts.
    process.env.HOME = home;
    delete process.env.XDG_CONFIG_HOME;
  });
  afterAll(async () => {
    process.env.HOME = realHome;
    await rm(root, { recursive: true, force: true });
  });

  async function withSite<T>(options: { allowedDirs?: string[] }, fn: (site: JiraSite) => Promise<T>): Promise<T> {
    const site = await startJiraSite({
      toolsets: ['jira:attachments', 'jira:issues'],
      capabilities: { elicitation: { form: {} } },
      ...options,
    });
    try {
      return await fn(site);
    } finally {
      await site.close();
    }
  }

  const uploads = (site: JiraSite) =>
    site.sandbox.requests.filter((r) => r.method === 'POST' && /\/attachments$/.test(r.route));

  it('is off when no directory is allowed: nothing is read, nothing uploaded', async () => {
    await withSite({}, async (site) => {
      for (const path of [join(share, 'report.txt'), '/proc/self/environ', '/etc/shadow']) {
        const text = await site.fails('jira_add_attachment', { issueKey: 'NOVA-1', path });
        expect(text).toMatch(/^Error \(not_allowed\): Local file access is off/);
        expect(text).toMatch(/files\.allowedDirs/);
      }
      expect(uploads(site)).toEqual([]);
    });
  });

  it('refuses secrets, system files, traversal and symlinks out of the allowed directory', async () => {
    await withSite({ allowedDirs: [share] }, async (site) => {
      const asked: string[] = [];
      site.mcp.client.setRequestHandler('elicitation/create', (async (req: { params: { message: string } }) => {
        asked.push(req.params.message);
        return { action: 'accept', content: { confirm: true } };
      }) as never);
      const attempts: Array<[string, RegExp]> = [
        ['/proc/self/environ', /outside the allowed directories/],
        ['/etc/shadow', /outside the allowed directories/],
        [join(home, '.ssh', 'id_ed25519'), /outside the allowed directories/],
        [join(home, '.config', 'atlassian-mcp', 'credentials.json'), /outside the allowed directories/],
        [join(share, '..', '.ssh', 'id_ed25519'), /outside the allowed directories/],
        ['../outside.txt', /outside the allowed directories/],
        ['~/.ssh/id_ed25519', /outside the allowed directories/],
        [join(share, '.env'), /hidden/],
        [join(share, 'innocent.txt'), /outside the allowed directories/],
        [join(share, 'env.txt'), /outside the allowed directories/],
        [join(share, 'missing.txt'), /No file at/],
      ];
      for (const [path, why] of attempts) {
        const text = await site.fails('jira_add_attachment', { issueKey: 'NOVA-1', path });
        expect({ path, text }).toEqual({ path, text: expect.stringMatching(why) });
        expect(text).not.toMatch(/PRIVATE KEY|secret/);
      }
      expect(asked).toEqual([]);
      expect(uploads(site)).toEqual([]);
    });
  });

  it('uploads an allowed file only after the user confirms its resolved path and size', async () => {
    await withSite({ allowedDirs: [share] }, async (site) => {
      const answers = ['decline', 'accept'];
      const asked: string[] = [];
      site.mcp.client.setRequestHandler('elicitation/create', (async (req: { params: { message: string } }) => {
        asked.push(req.params.message);
        return answers.shift() === 'accept' ? { action: 'accept', content: { confirm: true } } : { action: 'decline' };
      }) as never);
      // A relative path resolves inside the first allowed directory.
      const declined = await site.fails('jira_add_attachment', { issueKey: 'NOVA-1', path: 'report.txt' });
      expect(declined).toMatch(/declined/);
      expect(uploads(site)).toEqual([]);
      const { structured } = await site.ok('jira_add_attachment', { issueKey: 'NOVA-1', path: 'report.txt' });
      expect(structured.attachments).toEqual([expect.objectContaining({ filename: 'report.txt' })]);
      expect(asked).toEqual([
        `Read the local file ${join(share, 'report.txt')} (17 B) to attach it to NOVA-1?`,
        `Read the local file ${join(share, 'report.txt')} (17 B) to attach it to NOVA-1?`,
      ]);
      expect(uploads(site)).toHaveLength(1);
    });
  });

  it('keeps inline content within what one MCP message carries', async () => {
    await withSite({}, async (site) => {
      const big = Buffer.alloc(7 * 1024 * 1024 + 1, 1).toString('base64');
      const text = await site.fails('jira_add_attachment', { issueKey: 'NOVA-1', base64: big, filename: 'big.bin' });
      expect(text).toMatch(/inline content is limited to 7\.0 MB/);
      expect(uploads(site)).toEqual([]);
    });
  });
});
