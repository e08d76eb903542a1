#!/usr/bin/env node
'use strict';
// The `atlassian-mcp` command: checks the Node version, then runs the bundled CLI (dist/).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`atlassian-mcp needs Node.js 20.19 or later; this is ${process.version}.\n`);
  process.exit(1);
}
const { join } = require('node:path');
const { loadBundle } = require('./load-bundle.js');

let bundle;
try {
  bundle = loadBundle(join(__dirname, '..', 'dist', 'atlassian-mcp.js'));
} catch (e) {
  const missing = e && e.code === 'ENOENT';
  process.stderr.write(
    missing
      ? 'atlassian-mcp: dist/ is missing; in a clone, run `npm run build` first.\n'
      : `atlassian-mcp: ${e.stack}\n`,
  );
  process.exit(1);
}
bundle.run(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`atlassian-mcp: ${e && e.message ? e.message : e}\n`);
  process.exitCode = 1;
});
