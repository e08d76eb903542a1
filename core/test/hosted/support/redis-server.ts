// A real redis-server (Debian's `redis-server` package) on a free loopback port, with its own
// temporary directory and no persistence; stopped (and its directory removed) by `stop()`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';
import { RedisStateStore } from '../../../src/state/index';
import { createLogger } from '../../../src/logging/logger';

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Kills it (SIGKILL): connections drop at once. */
  kill(): Promise<void>;
  /** Starts it again on the same port (after stop or kill). */
  start(): Promise<void>;
  /** Runs a command over a raw RESP connection (keys are not prefixed). */
  command(...args: string[]): Promise<unknown>;
}

export async function startRedis(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'amcp-redis-'));
  const port = await freePort();
  const conf = join(dir, 'redis.conf');
  writeFileSync(
    conf,
    [
      `port ${port}`,
      'bind 127.0.0.1',
      `dir ${dir}`,
      'save ""',
      'appendonly no',
      'daemonize no',
      'protected-mode yes',
      'loglevel warning',
      'logfile ""',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;
  const start = async () => {
    const proc = spawn('redis-server', [conf], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let output = '';
    proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const spawned = new Promise<void>((resolve, reject) => {
      proc.once('error', (e) =>
        reject(new Error(`cannot start redis-server (apt-get install redis-server): ${e.message}`)),
      );
      proc.once('spawn', () => resolve());
    });
    await spawned;
    for (let i = 0; i < 200; i++) {
      if (proc.exitCode !== null) throw new Error(`redis-server exited: ${output}`);
      if ((await rawCommand(port, ['PING']).catch(() => undefined)) === 'PONG') return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`redis-server did not start on ${port}: ${output}`);
  };
  const stopWith = async (signal: NodeJS.Signals) => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill(signal);
    await exited;
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      await stopWith('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
    kill: () => stopWith('SIGKILL'),
    start,
    command: (...args) => rawCommand(port, args),
  };
}

/** One RESP command on a fresh connection; the reply parsed (strings, numbers, arrays, null). */
export function rawCommand(port: number, args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let buffer = Buffer.alloc(0);
    socket.setTimeout(2000, () => socket.destroy(new Error('redis command timed out')));
    socket.on('error', reject);
    socket.on('connect', () => {
      socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
    });
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const parsed = parseReply(buffer, 0);
      if (!parsed) return;
      socket.end();
      if (parsed.value instanceof Error) reject(parsed.value);
      else resolve(parsed.value);
    });
  });
}

function parseReply(buf: Buffer, at: number): { value: unknown; next: number } | undefined {
  const eol = buf.indexOf('\r\n', at);
  if (eol < 0) return undefined;
  const type = String.fromCharCode(buf[at]!);
  const line = buf.toString('utf8', at + 1, eol);
  if (type === '+') return { value: line, next: eol + 2 };
  if (type === '-') return { value: new Error(line), next: eol + 2 };
  if (type === ':') return { value: Number(line), next: eol + 2 };
  if (type === '$') {
    const len = Number(line);
    if (len < 0) return { value: null, next: eol + 2 };
    if (buf.length < eol + 2 + len + 2) return undefined;
    return { value: buf.toString('utf8', eol + 2, eol + 2 + len), next: eol + 2 + len + 2 };
  }
  if (type === '*') {
    const n = Number(line);
    if (n < 0) return { value: null, next: eol + 2 };
    const items: unknown[] = [];
    let next = eol + 2;
    for (let i = 0; i < n; i++) {
      const item = parseReply(buf, next);
      if (!item) return undefined;
      items.push(item.value);
      next = item.next;
    }
    return { value: items, next };
  }
  throw new Error(`unexpected RESP type ${type}`);
}

/** A Redis state store on `server` (keys under `prefix`), once it answers a ping. */
export async function connectedStore(server: RedisServer, prefix: string): Promise<RedisStateStore> {
  const store = RedisStateStore.connect({ url: server.url, prefix, logger: createLogger({ level: 'silent' }) });
  for (let i = 0; i < 100; i++) {
    try {
      await store.ping();
      return store;
    } catch {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  throw new Error('could not connect to the test redis');
}
