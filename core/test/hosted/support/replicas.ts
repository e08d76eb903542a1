// Hosted server replicas as real processes (the built CLI: `atlassian-mcp serve --http`), sharing
// one Redis and one vault key, each on its own loopback port with its own audit file; a replica can
// be killed (SIGKILL) and started again on the same port.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Sandbox } from '@atlassian-mcp/sandbox';
import { freePort } from './ports';

const bin = join(resolve(__dirname, '../../../..'), 'bin/atlassian-mcp.js');

export interface Replica {
  readonly name: string;
  readonly port: number;
  /** `127.0.0.1:PORT`, as nginx names the upstream. */
  readonly address: string;
  readonly auditFile: string;
  /** The audit records this replica wrote. */
  audit(): { tool: string; user?: string; outcome: string; target?: string }[];
  start(): Promise<void>;
  kill(): Promise<void>;
  stop(): Promise<void>;
  readonly running: boolean;
}

export interface ReplicaOptions {
  sandbox: Sandbox;
  redisUrl: string;
  vaultKeys: string;
  /** What clients use (the load balancer's URL). */
  publicUrl: string;
  /** Extra environment (e.g. ATLASSIAN_TOOLSETS). */
  env?: Record<string, string>;
  /** A config file for every replica (atlassian-mcp.config.json in its working directory). */
  config?: Record<string, unknown>;
}

export async function startReplicas(count: number, options: ReplicaOptions): Promise<Replica[]> {
  const replicas: Replica[] = [];
  for (let i = 0; i < count; i++) replicas.push(await replica(`replica-${i + 1}`, await freePort(), options));
  await Promise.all(replicas.map((r) => r.start()));
  return replicas;
}

async function replica(name: string, port: number, o: ReplicaOptions): Promise<Replica> {
  const dir = mkdtempSync(join(tmpdir(), `amcp-${name}-`));
  const auditFile = join(dir, 'audit.jsonl');
  if (o.config) writeFileSync(join(dir, 'atlassian-mcp.config.json'), JSON.stringify(o.config));
  const { oauth } = o.sandbox.credentials;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    XDG_STATE_HOME: dir,
    ATLASSIAN_SITE_URL: o.sandbox.url!,
    ATLASSIAN_AUTH_TYPE: 'oauth',
    ATLASSIAN_AUTH_URL: o.sandbox.url!,
    ATLASSIAN_API_GATEWAY_URL: o.sandbox.url!,
    ATLASSIAN_CLIENT_ID: oauth.clientId,
    ATLASSIAN_CLIENT_SECRET: oauth.clientSecret,
    ATLASSIAN_CREDENTIAL_STORE: 'memory',
    ATLASSIAN_AUDIT_FILE: auditFile,
    ATLASSIAN_MCP_REDIS_URL: o.redisUrl,
    ATLASSIAN_MCP_VAULT_KEYS: o.vaultKeys,
    ATLASSIAN_MCP_PUBLIC_URL: o.publicUrl,
    ATLASSIAN_MCP_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...o.env,
  };
  let child: ChildProcess | undefined;
  let output = '';
  const r: Replica = {
    name,
    port,
    address: `127.0.0.1:${port}`,
    auditFile,
    get running() {
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    audit: () =>
      existsSync(auditFile)
        ? readFileSync(auditFile, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as ReturnType<Replica['audit']>[number])
        : [],
    async start() {
      output = '';
      const proc = spawn(process.execPath, [bin, 'serve', '--http', '--host', '127.0.0.1', '--port', String(port)], {
        cwd: dir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
      proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      await new Promise<void>((ok, fail) => {
        const timer = setTimeout(() => fail(new Error(`${name} did not start:\n${output}`)), 20_000);
        proc.stderr!.on('data', () => {
          if (!/serving MCP at/.test(output)) return;
          clearTimeout(timer);
          ok();
        });
        proc.once('exit', (code) => {
          clearTimeout(timer);
          fail(new Error(`${name} exited ${code}:\n${output}`));
        });
      });
    },
    async kill() {
      await stopWith('SIGKILL');
    },
    async stop() {
      await stopWith('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const stopWith = async (signal: NodeJS.Signals) => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((ok) => proc.once('exit', () => ok()));
    proc.kill(signal);
    await exited;
  };
  return r;
}
