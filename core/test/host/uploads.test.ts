import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
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

const input = z.object({
  path: z.string().optional(),
  base64: z.string().optional(),
  filename: z.string().optional(),
  comment: z.string().optional(),
});

/** Reads an upload through core and answers with the multipart body it would send. */
@ToolProvider()
class UploadTools {
  constructor(@inject(coreServices.files) private readonly files: LocalFilesService) {}

  @Tool({
    name: 'up_upload',
    title: 'Upload',
    description: 'Reads an upload and shows its multipart body.',
    input,
    output: z.object({ parts: z.array(z.unknown()) }),
    readOnly: true,
    toolset: 'up',
    scopes: [],
  })
  async upload(args: z.infer<typeof input>, ctx: ToolContext) {
    const file = await this.files.readUpload(args, ctx, { purpose: 'attach it to a test' });
    const parts = [];
    const form = file.form({ comment: args.comment, minorEdit: 'true' });
    for (const [name, value] of (form as unknown as { entries(): Iterable<[string, string | Blob]> }).entries())
      parts.push(
        typeof value === 'string'
          ? { name, value }
          : { name, filename: (value as File).name, type: value.type, text: await value.text() },
      );
    return { parts };
  }
}

const plugin = definePlugin({
  id: 'up',
  apiVersion: PLUGIN_API_VERSION,
  defaultToolsets: ['up'],
  toolsets: { up: 'Uploads' },
  toolProviders: [UploadTools],
});

describe('uploads through core (path or inline base64, checked, as multipart)', () => {
  let root: string;
  let h: TestHarness;
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  beforeAll(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'amcp-up-')));
    await writeFile(join(root, 'report.csv'), 'a,b\n1,2\n');
    h = await createTestHarness({ plugins: [plugin], config: { files: { allowedDirs: [root] } } });
  });
  afterAll(async () => {
    await h?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('sends inline content as the file part, its type from the name, then the fields given', async () => {
    const r = await h.call('up_upload', { base64: b64('hello'), filename: 'notes.md', comment: 'first' });
    expect(r.structured).toEqual({
      parts: [
        { name: 'file', filename: 'notes.md', type: 'text/markdown', text: 'hello' },
        { name: 'comment', value: 'first' },
        { name: 'minorEdit', value: 'true' },
      ],
    });
  });

  it('reads a local file inside the allowed directories; `filename` renames it; unknown types are octet-stream', async () => {
    const r = await h.call('up_upload', { path: join(root, 'report.csv') });
    expect(r.structured).toEqual({
      parts: [
        { name: 'file', filename: 'report.csv', type: 'text/csv', text: 'a,b\n1,2\n' },
        { name: 'minorEdit', value: 'true' },
      ],
    });
    const renamed = (await h.call('up_upload', { path: join(root, 'report.csv'), filename: 'data.bin' })).structured;
    expect((renamed as { parts: unknown[] }).parts[0]).toMatchObject({
      filename: 'data.bin',
      type: 'application/octet-stream',
    });
  });

  it.each([
    [{}, 'Error (input): Pass exactly one of `path` or `base64`.'],
    [{ path: 'x', base64: b64('x'), filename: 'x' }, 'Error (input): Pass exactly one of `path` or `base64`.'],
    [{ base64: b64('x') }, 'Error (input): `filename` is required with `base64`.'],
    [{ base64: '', filename: 'a.txt' }, 'Error (input): `base64` decodes to nothing.'],
  ])('refuses %j', async (args, text) => {
    const r = await h.call('up_upload', args);
    expect(r.isError).toBe(true);
    expect(r.text).toBe(`${text}\nNext: Fix the arguments and call again.`);
  });

  it('refuses inline content over 7 MB with the way to send a bigger file', async () => {
    const r = await h.call('up_upload', {
      base64: Buffer.alloc(7 * 1024 * 1024 + 1).toString('base64'),
      filename: 'big.bin',
    });
    expect(r.isError).toBe(true);
    expect(r.text).toBe(
      'Error (input): The content is 7.0 MB; inline content is limited to 7.0 MB.\n' +
        "Next: Pass a `path` inside the server's allowed directories for bigger files.",
    );
  });

  it('reads by path only inside the allowed directories', async () => {
    const r = await h.call('up_upload', { path: join(tmpdir(), 'elsewhere.txt') });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/outside the allowed directories/);
  });
});
