#!/usr/bin/env node
// Regenerates seed/nimbus-works.json (the Jira site) and seed/nimbus-works-jsm.json (the Service
// Management layer on top of it), anchored at a fixed moment so the files are byte-stable.
// `startSandbox({ seed: <path> })` loads the first; `readCommittedSeed()` gives both together.
//   npm run build && node test/sandbox/scripts/write-seed.mjs [--now 2026-11-02T09:00:00Z] [--out file] [--jsm-out file]
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { generateSeed, generateServiceManagementSeed, SEED_SNAPSHOT_NOW } = require('../dist/index.js');
const here = dirname(fileURLToPath(import.meta.url));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const now = arg('--now') ? Date.parse(arg('--now')) : SEED_SNAPSHOT_NOW;
const out = arg('--out') ?? join(here, '..', 'seed', 'nimbus-works.json');
writeFileSync(out, `${JSON.stringify(generateSeed({ now }))}\n`);
console.log(`wrote ${out} (seed anchored at ${new Date(now).toISOString()})`);
// The Service Management layer (JSM + Assets) is its own file: the Jira seed above never changes for it.
const jsmOut = arg('--jsm-out') ?? join(here, '..', 'seed', 'nimbus-works-jsm.json');
writeFileSync(jsmOut, `${JSON.stringify(generateServiceManagementSeed({ now }))}\n`);
console.log(`wrote ${jsmOut}`);
