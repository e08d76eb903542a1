'use strict';
// The bench's Atlassian site: the sandbox on a loopback port, and the server under test either
// in-process (an SDK client over an in-memory pair, via core's test harness) or spawned over stdio.
const { startSandbox } = require('@atlassian-mcp/sandbox');
const { createTestHarness } = require('@atlassian-mcp/core/testing');
const { dirname, sep } = require('node:path');

/**
 * A first-party plugin (`jira`, `confluence`), loaded afresh. Core's server factory currently wraps
 * a plugin's prompt argument schemas with the SDK's `completable()`, which marks the schema object
 * itself, so a second server in one process over the same module fails ("Cannot redefine
 * property"). Each in-process server therefore gets its own copy of the plugin's modules (core
 * stays shared).
 */
function freshPlugin(id) {
  const name = `@atlassian-mcp/plugin-${id}`;
  const dir = dirname(require.resolve(`${name}/package.json`)) + sep;
  for (const key of Object.keys(require.cache)) if (key.startsWith(dir)) delete require.cache[key];
  return require(name).default;
}

const TOKEN_VAR = 'ATLASSIAN_MCP_BENCH_TOKEN';

/** Starts the seeded sandbox on 127.0.0.1 and returns it with a direct REST reader. */
async function startSite(options = {}) {
  const sandbox = await startSandbox({ listen: true, host: '127.0.0.1', ...options });
  if (!sandbox.url || !sandbox.url.startsWith('http://127.0.0.1:'))
    throw new Error(`sandbox is not on loopback: ${sandbox.url}`);
  const auth = sandbox.basicAuth();
  return {
    sandbox,
    /** GET over the loopback socket with global fetch, as a naive server would. Returns the body text. */
    async restText(path) {
      const res = await fetch(`${sandbox.url}${path}`, {
        headers: { authorization: auth, accept: 'application/json' },
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 200)}`);
      return text;
    },
    async rest(path) {
      return JSON.parse(await this.restText(path));
    },
    close: () => sandbox.close(),
  };
}

/** Config of the server under test, pointed at the sandbox. */
function serverConfig(sandbox, extra = {}) {
  return {
    site: { url: sandbox.url },
    auth: { type: 'apiToken', email: sandbox.credentials.email, apiToken: { env: TOKEN_VAR }, store: 'memory' },
    audit: { enabled: false },
    logLevel: 'silent',
    ...extra,
  };
}

/**
 * The server in-process: real host, real MCP server, SDK client over an in-memory pair.
 * `config` adds to the default configuration (e.g. `toolsets`, `rateLimit`); `plugins` names the
 * first-party plugins to load (Jira unless said otherwise).
 */
async function startInProcess(sandbox, config = {}, plugins = ['jira']) {
  process.env[TOKEN_VAR] = sandbox.credentials.apiToken;
  const harness = await createTestHarness({
    plugins: plugins.map(freshPlugin),
    config: serverConfig(sandbox, config),
  });
  return {
    harness,
    /** Calls a tool; a tool error is a bench failure (a silent error would skew every figure). */
    async call(name, args) {
      const r = await harness.call(name, args);
      if (r.isError) throw new Error(`${name}(${JSON.stringify(args)}) failed: ${r.text.slice(0, 300)}`);
      return r;
    },
    listTools: () => harness.client.listTools(),
    close: () => harness.close(),
  };
}

module.exports = { startSite, startInProcess, serverConfig, TOKEN_VAR };
