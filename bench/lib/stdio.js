'use strict';
// Spawned stdio servers (ours and the one-tool baseline), an SDK client on the other end, and
// the child's memory from /proc.
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { Client } = require('@modelcontextprotocol/client');
const { StdioClientTransport } = require('@modelcontextprotocol/client/stdio');
const { serverConfig, TOKEN_VAR } = require('./site.js');

const REPO = resolve(__dirname, '../..');
// "ours" is the clone's workspace packages as tsc builds them (no bundle); "installed" is the packed
// package (bench/lib/installed.js), whose bin runs the bundle.
const OUR_BIN = join(REPO, 'core/dist/cli/main.js');
const BASELINE_BIN = join(REPO, 'bench/baseline-server.js');

/** Writes a config file for our server in a fresh temp dir; returns its path and a cleanup. */
function writeConfig(sandbox, extra) {
  const dir = mkdtempSync(join(tmpdir(), 'amcp-bench-'));
  const file = join(dir, 'atlassian-mcp.config.json');
  writeFileSync(file, JSON.stringify(serverConfig(sandbox, extra)));
  return { dir, file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** How to spawn each server kind against the sandbox. `installed` is from installPackage(). */
function spawnSpec(kind, sandbox, config, installed) {
  const env = { ...process.env, NODE_OPTIONS: '' };
  if (kind === 'baseline') {
    return {
      command: process.execPath,
      args: [BASELINE_BIN],
      env: {
        ...env,
        BASELINE_SITE_URL: sandbox.url,
        BASELINE_EMAIL: sandbox.credentials.email,
        BASELINE_API_TOKEN: sandbox.credentials.apiToken,
      },
      cleanup: () => {},
    };
  }
  const cfg = writeConfig(sandbox, config);
  if (kind === 'installed') {
    if (!installed) throw new Error('spawnServer("installed") needs the installed package');
    return {
      command: installed.bin,
      args: ['serve', '--config', cfg.file],
      cwd: cfg.dir,
      env: { ...env, [TOKEN_VAR]: sandbox.credentials.apiToken, XDG_CACHE_HOME: installed.cacheHome },
      cleanup: cfg.cleanup,
    };
  }
  return {
    command: process.execPath,
    args: [OUR_BIN, 'serve', '--config', cfg.file],
    cwd: cfg.dir,
    env: { ...env, [TOKEN_VAR]: sandbox.credentials.apiToken },
    cleanup: cfg.cleanup,
  };
}

/**
 * Spawns a server and connects an SDK client (initialize handshake included). `kind` is
 * `'ours'` (the clone), `'installed'` (the packed package) or `'baseline'`. The returned `startedAt` is the moment before spawn.
 */
async function spawnServer(kind, sandbox, config = {}, installed = undefined) {
  const spec = spawnSpec(kind, sandbox, config, installed);
  const stderr = [];
  const transport = new StdioClientTransport({
    command: spec.command,
    args: spec.args,
    cwd: spec.cwd,
    env: spec.env,
    stderr: 'pipe',
  });
  const client = new Client({ name: 'atlassian-mcp-bench', version: '1.0.0' });
  const startedAt = process.hrtime.bigint();
  try {
    const connecting = client.connect(transport);
    transport.stderr?.on('data', (d) => stderr.push(String(d)));
    await connecting;
  } catch (e) {
    spec.cleanup();
    throw new Error(`${kind} server did not start: ${e.message}\n${stderr.join('').slice(-1500)}`);
  }
  return {
    client,
    startedAt,
    pid: transport.pid,
    stderr: () => stderr.join(''),
    async close() {
      await client.close().catch(() => {});
      spec.cleanup();
    },
  };
}

/** Resident and peak resident memory of a process in MB (Linux /proc). */
function memoryOf(pid) {
  if (!pid) throw new Error('no child pid to measure');
  let status;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch (e) {
    throw new Error(`cannot read /proc/${pid}/status (memory figures need Linux): ${e.message}`);
  }
  const kb = (field) => {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!m) throw new Error(`/proc/${pid}/status has no ${field}`);
    return Number(m[1]) / 1024;
  };
  return { rssMb: kb('VmRSS'), peakRssMb: kb('VmHWM') };
}

module.exports = { spawnServer, memoryOf, OUR_BIN, BASELINE_BIN };
