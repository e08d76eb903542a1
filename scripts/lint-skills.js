#!/usr/bin/env node
'use strict';
// `npm run lint:skills [dir…]`: checks every skill (prompts/<name>/SKILL.md, and each first-party
// plugin's skills folder) against the built first-party plugins with every toolset on: front
// matter, every tool it names exists in a plugin it declares, every argument it passes is in that
// tool's schema, placeholders match its arguments, completions exist, and the body stays within
// the token budget. Prints each skill's size; exits 1 on any problem. Needs `npm run build`.
const { existsSync, readdirSync } = require('node:fs');
const { join, resolve } = require('node:path');

const repo = join(__dirname, '..');

function firstPartyPlugins() {
  const root = join(repo, 'plugins');
  return readdirSync(root)
    .filter((d) => existsSync(join(root, d, 'package.json')))
    .map((d) => require(join(root, d, require(join(root, d, 'package.json')).main)).default);
}

async function main() {
  const { createTestHarness } = require('@atlassian-mcp/core/testing');
  const { lintSkillDirs, DEFAULT_SKILL_DIR, SKILL_TOKEN_BUDGET } = require('@atlassian-mcp/core/host');
  const plugins = firstPartyPlugins();
  const dirs = process.argv.slice(2).map((d) => resolve(d));
  if (dirs.length === 0) {
    dirs.push(DEFAULT_SKILL_DIR);
    for (const p of plugins) if (p.skills) dirs.push(p.skills);
  }
  // promptDirs: [] — the lint reads the skills itself, so a broken one is reported, not a start-up failure.
  const h = await createTestHarness({ plugins, config: { toolsets: ['all'] }, promptDirs: [] });
  try {
    const report = lintSkillDirs(dirs, h.host.registry);
    for (const s of report.skills)
      process.stdout.write(`${s.name.padEnd(28)} ${String(s.tokens).padStart(5)} tokens\n`);
    if (report.problems.length > 0) {
      process.stderr.write(
        `\n${report.problems.length} skill problem(s):\n${report.problems.map((p) => `  ${p}`).join('\n')}\n`,
      );
      process.exitCode = 1;
    } else {
      process.stdout.write(`${report.skills.length} skills OK (budget ${SKILL_TOKEN_BUDGET} tokens each)\n`);
    }
  } finally {
    await h.close();
  }
}

main().catch((e) => {
  process.stderr.write(`lint:skills: ${e.stack || e}\n`);
  process.exit(1);
});
