#!/usr/bin/env node
'use strict';
// The official MCP conformance server suite (@modelcontextprotocol/conformance) against the hosted
// endpoint: `serve --http` of this build against the sandbox site, one user signed in through the
// server's OAuth, and the suite's requests carrying that user's token (the suite itself has no
// OAuth client for servers: a loopback nginx adds the Authorization header). Scenarios that need
// the suite's own fixture server are listed with a reason in conformance/expected-failures.yml.
//
//   node scripts/conformance.js --node22 DIR --conformance BIN [--output DIR] [--results FILE]
//
// Exit code: the suite's (0 when every failure is an expected one and no expected one passes), or 1
// when a line of the baseline gives no reason. --results writes the outcome as jest-shaped counts
// (one test per scenario, scripts/conformance-results.js) for CI's summary line.
const { spawn } = require('node:child_process');
const { mkdtempSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { delimiter, join, resolve } = require('node:path');
const { parseArgs } = require('node:util');
const { startSite } = require('../bench/lib/site.js');
const { freePort, startNginx, startReplica, signIn } = require('../bench/lib/hosted.js');
const { conformanceResults } = require('./conformance-results.js');

const BASELINE = resolve(__dirname, '../conformance/expected-failures.yml');

async function main() {
  const { values } = parseArgs({
    options: {
      node22: { type: 'string' },
      conformance: { type: 'string' },
      output: { type: 'string' },
      results: { type: 'string' },
    },
  });
  if (!values.node22 || !values.conformance) throw new Error('usage: --node22 DIR --conformance BIN');
  for (const name of Object.keys(process.env)) if (/^ATLASSIAN_/.test(name)) delete process.env[name];
  process.env.NO_PROXY = '127.0.0.1,localhost';
  const site = await startSite();
  const closers = [() => site.close()];
  try {
    const replica = await startReplica(site.sandbox, {});
    closers.push(() => replica.stop());
    const client = await signIn(`${replica.url}/mcp`, site.sandbox.credentials.email);
    closers.push(() => client.close());
    const token = client.oauth.tokens().access_token;
    const port = await freePort();
    const nginx = await startNginx(port, [replica.address], `proxy_set_header Authorization "Bearer ${token}";`);
    closers.push(() => nginx.stop());
    const output = values.output ?? mkdtempSync(join(tmpdir(), 'amcp-conformance-'));
    const args = ['server', '--url', `${nginx.url}/mcp`, '--expected-failures', BASELINE, '-o', output];
    process.stderr.write(`conformance: ${values.conformance} ${args.join(' ')}\n`);
    const code = await new Promise((ok) => {
      const child = spawn(values.conformance, args, {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, PATH: `${resolve(values.node22)}${delimiter}${process.env.PATH}` },
      });
      child.once('exit', (c) => ok(c ?? 1));
    });
    const results = conformanceResults(output, BASELINE, code);
    for (const f of results.failures) process.stderr.write(`conformance: FAILED ${f}\n`);
    process.stderr.write(
      `conformance: ${results.numPassedTests} scenarios as expected, ${results.numFailedTests} failed\n`,
    );
    if (values.results) writeFileSync(values.results, JSON.stringify(results, null, 2));
    process.exitCode = code !== 0 ? code : results.numFailedTests > 0 ? 1 : 0;
  } finally {
    for (const close of closers.reverse()) await close().catch(() => {});
  }
}

main().catch((e) => {
  process.stderr.write(`conformance: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
