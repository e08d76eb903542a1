import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(__dirname, '../..');
const bin = join(repo, 'bin/atlassian-mcp.js');

/** A raw JSON-RPC conversation with the spawned stdio server: lines in, answers by id. */
function startServer(): {
  child: ChildProcessWithoutNullStreams;
  send(message: unknown): void;
  sendRaw(line: string): void;
  answer(id: number): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
} {
  const dir = mkdtempSync(join(tmpdir(), 'amcp-stdio-limits-'));
  writeFileSync(
    join(dir, 'atlassian-mcp.config.json'),
    JSON.stringify({ plugins: { '@acme/atlassian-mcp-plugin-notes': {} }, audit: { enabled: false } }),
  );
  const child = spawn(process.execPath, [bin], {
    cwd: dir,
    env: { ...process.env, ATLASSIAN_EMAIL: 'a@example.com', ATLASSIAN_API_TOKEN: 't' },
  });
  const answers = new Map<number, Record<string, unknown>>();
  const waiting = new Map<number, (m: Record<string, unknown>) => void>();
  let buffer = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) !== -1) {
      const message = JSON.parse(buffer.slice(0, nl)) as Record<string, unknown>;
      buffer = buffer.slice(nl + 1);
      if (typeof message.id === 'number') {
        answers.set(message.id, message);
        waiting.get(message.id)?.(message);
      }
    }
  });
  child.stderr.resume();
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    send: (message) => child.stdin.write(`${JSON.stringify(message)}\n`),
    sendRaw: (line) => child.stdin.write(`${line}\n`),
    answer: (id) => (answers.has(id) ? Promise.resolve(answers.get(id)!) : new Promise((r) => waiting.set(id, r))),
    exited,
  };
}

describe('stdio server limits (spawned bin)', () => {
  it('answers an oversized message with a JSON-RPC error and keeps serving', async () => {
    const server = startServer();
    try {
      server.send({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } },
      });
      expect((await server.answer(1)).result).toBeDefined();
      server.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      // 8 MB of base64 inside a tools/call, the way an SDK client serializes it (id last): ~10.7 MiB.
      const big = Buffer.alloc(8 * 1024 * 1024, 7).toString('base64');
      server.sendRaw(
        JSON.stringify({
          method: 'tools/call',
          params: { name: 'notes_add_note', arguments: { title: 'big', body: big } },
          jsonrpc: '2.0',
          id: 2,
        }),
      );
      const refused = await server.answer(2);
      expect(refused.error).toMatchObject({ code: -32600, message: expect.stringMatching(/Message too large/) });
      // Still serving: the next call works, and nothing was added by the oversized one.
      server.send({
        jsonrpc: '2.0',
        id: 3,
        method: 'tools/call',
        params: { name: 'notes_list_notes', arguments: {} },
      });
      const listed = (await server.answer(3)).result as { structuredContent: { total: number } };
      expect(listed.structuredContent.total).toBe(0);
      expect(server.child.exitCode).toBeNull();
    } finally {
      server.child.stdin.end();
      await server.exited;
    }
  });
});
