import { mkdir, mkdtemp, readFile, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';
import { createTestHarness, type TestHarness } from '@atlassian-mcp/core/testing';
import {
  coreServices,
  definePlugin,
  inject,
  PLUGIN_API_VERSION,
  Tool,
  ToolProvider,
  type LocalFilesService,
  type ToolContext,
} from '@atlassian-mcp/core';

@ToolProvider()
class FileTools {
  constructor(@inject(coreServices.files) private readonly files: LocalFilesService) {}

  @Tool({
    name: 'files_save',
    title: 'Save',
    description: 'Saves text to a local file (a download).',
    input: z.object({ path: z.string(), text: z.string() }),
    output: z.object({ path: z.string(), size: z.number() }),
    readOnly: false,
    toolset: 'files',
    scopes: [],
  })
  async save(input: { path: string; text: string }, ctx: ToolContext) {
    return this.files.write(input.path, new TextEncoder().encode(input.text), ctx, { purpose: 'a test download' });
  }

  @Tool({
    name: 'files_load',
    title: 'Load',
    description: 'Reads a local file (an upload).',
    input: z.object({ path: z.string() }),
    output: z.object({ text: z.string() }),
    readOnly: true,
    toolset: 'files',
    scopes: [],
  })
  async load(input: { path: string }, ctx: ToolContext) {
    return { text: new TextDecoder().decode((await this.files.read(input.path, ctx)).bytes) };
  }
}

const files = definePlugin({
  id: 'files',
  apiVersion: PLUGIN_API_VERSION,
  defaultToolsets: ['files'],
  toolsets: { files: 'Local files' },
  toolProviders: [FileTools],
});

describe('local files service (downloads and uploads through one core service)', () => {
  let root: string;
  let allowed: string;
  let h: TestHarness | undefined;
  beforeAll(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'amcp-local-')));
    allowed = join(root, 'downloads');
    await mkdir(join(allowed, 'sub'), { recursive: true });
    await writeFile(join(allowed, 'existing.txt'), 'keep me');
    await writeFile(join(root, 'outside.txt'), 'outside');
    await symlink(join(root, 'outside.txt'), join(allowed, 'link.txt'));
    await symlink(root, join(allowed, 'escape'));
  });
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('writes a new file inside an allowed directory, mode 0600, never overwriting', async () => {
    h = await createTestHarness({ plugins: [files], config: { files: { allowedDirs: [allowed] } } });
    const saved = await h.call('files_save', { path: join(allowed, 'sub', 'notes.md'), text: 'hello' });
    expect(saved.structured).toEqual({ path: join(allowed, 'sub', 'notes.md'), size: 5 });
    expect(await readFile(join(allowed, 'sub', 'notes.md'), 'utf8')).toBe('hello');
    expect((await stat(join(allowed, 'sub', 'notes.md'))).mode & 0o777).toBe(0o600);
    const again = await h.call('files_save', { path: join(allowed, 'existing.txt'), text: 'overwrite' });
    expect(again.text).toMatch(/already exists/);
    expect(await readFile(join(allowed, 'existing.txt'), 'utf8')).toBe('keep me');
  });

  it('never writes outside, through a symlink, into a hidden file or a missing directory', async () => {
    h = await createTestHarness({ plugins: [files], config: { files: { allowedDirs: [allowed] } } });
    const cases: Array<[string, RegExp]> = [
      [join(root, 'evil.txt'), /outside the allowed directories/],
      [join(allowed, '..', 'evil.txt'), /outside the allowed directories/],
      [join(allowed, 'link.txt'), /already exists/],
      [join(allowed, 'escape', 'evil.txt'), /outside the allowed directories/],
      [join(allowed, '.bashrc'), /hidden/],
      [join(allowed, 'nope', 'x.txt'), /no directory/i],
      ['/proc/self/evil', /outside the allowed directories/],
    ];
    for (const [path, why] of cases) {
      const r = await h.call('files_save', { path, text: 'x' });
      expect({ path, isError: r.isError, text: r.text }).toEqual({
        path,
        isError: true,
        text: expect.stringMatching(why),
      });
    }
    expect(await readFile(join(root, 'outside.txt'), 'utf8')).toBe('outside');
    await expect(stat(join(root, 'evil.txt'))).rejects.toThrow();
  });

  it('reads through a symlink only when its target stays inside', async () => {
    h = await createTestHarness({ plugins: [files], config: { files: { allowedDirs: [allowed] } } });
    expect((await h.call('files_load', { path: join(allowed, 'existing.txt') })).structured).toEqual({
      text: 'keep me',
    });
    expect((await h.call('files_load', { path: join(allowed, 'link.txt') })).text).toMatch(/outside/);
  });

  it('one switch turns local files off entirely, whatever directories are allowed', async () => {
    h = await createTestHarness({
      plugins: [files],
      config: { files: { enabled: false, allowedDirs: [allowed] } },
    });
    for (const r of [
      await h.call('files_load', { path: join(allowed, 'existing.txt') }),
      await h.call('files_save', { path: join(allowed, 'new.txt'), text: 'x' }),
    ]) {
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/Local file access is off/);
    }
    await expect(stat(join(allowed, 'new.txt'))).rejects.toThrow();
  });

  it('asks the user with the resolved path and size; a decline writes nothing', async () => {
    h = await createTestHarness({
      plugins: [files],
      config: { files: { allowedDirs: [allowed] } },
      capabilities: { elicitation: { form: {} } },
    });
    const asked: string[] = [];
    h.client.setRequestHandler('elicitation/create', async (req) => {
      asked.push(req.params.message);
      return { action: 'decline' };
    });
    const r = await h.call('files_save', { path: join(allowed, 'declined.txt'), text: 'abc' });
    expect(r.text).toMatch(/declined/);
    expect(asked).toEqual([`Save 3 B to the local file ${join(allowed, 'declined.txt')} (a test download)?`]);
    await expect(stat(join(allowed, 'declined.txt'))).rejects.toThrow();
  });
});
