#!/usr/bin/env node
'use strict';
// The distribution's entry point. `--sandbox` starts the embedded sandbox site first and points
// the server at it, so the server can be tried without an Atlassian account.
const argv = process.argv.slice(2);
async function run() {
  let sandbox;
  if (argv.includes('--sandbox')) {
    const { startSandbox } = require('@atlassian-mcp/sandbox');
    sandbox = await startSandbox({ listen: true });
    process.env.ATLASSIAN_SITE_URL = sandbox.url;
    process.env.ATLASSIAN_EMAIL = sandbox.credentials.email;
    process.env.ATLASSIAN_API_TOKEN = sandbox.credentials.apiToken;
    process.env.ATLASSIAN_AUTH_TYPE = 'apiToken';
    process.stderr.write(`atlassian-mcp: using the sandbox site at ${sandbox.url}\n`);
  }
  const outcome = await require('@atlassian-mcp/core/cli').main(argv);
  // A one-shot command is done: the sandbox must not keep the process alive.
  if (outcome !== 'serving' && sandbox) await sandbox.close();
}
run().catch((e) => {
  process.stderr.write(`atlassian-mcp: ${e && e.message ? e.message : e}\n`);
  process.exitCode = 1;
});
