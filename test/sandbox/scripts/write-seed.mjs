#!/usr/bin/env node
// Regenerates seed/nimbus-works.json: the default site as a JSON snapshot, anchored at a fixed
// moment so the file is byte-stable. `startSandbox({ seed: <path> })` loads it.
//   npm run build && node test/sandbox/scripts/write-seed.mjs [--now 2026-11-02T09:00:00Z] [--out file]
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { generateSeed, SEED_SNAPSHOT_NOW } = require('../dist/index.js');
const here = dirname(fileURLToPath(import.meta.url));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const now = arg('--now') ? Date.parse(arg('--now')) : SEED_SNAPSHOT_NOW;
const out = arg('--out') ?? join(here, '..', 'seed', 'nimbus-works.json');
writeFileSync(out, `${JSON.stringify(generateSeed({ now }))}\n`);
console.log(`wrote ${out} (seed anchored at ${new Date(now).toISOString()})`);
