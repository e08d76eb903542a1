#!/usr/bin/env node
'use strict';
// Launcher for `npx atlassian-mcp-sandbox`: a committed file (so npm can link it at install
// time, before dist/ exists) that runs the built CLI.
try {
  require.resolve('../dist/cli.js');
} catch {
  process.stderr.write('atlassian-mcp-sandbox: not built yet — run `npm run build` first.\n');
  process.exit(1);
}
require('../dist/cli.js');
