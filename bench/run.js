#!/usr/bin/env node
'use strict';
// `npm run bench` — what users feel: tokens, tool-list and skill cost, per-call overhead, cold start and
// memory, behaviour under a 429 storm, rich-text speed, and the sandbox's own speed. Every figure
// is taken against the sandbox on 127.0.0.1 with its baseline in the same run.
//
//   node bench/run.js [--quick] [--only tokens,overhead] [--strict] [--no-write] [--hosted]
//
// --hosted adds two hosted replicas sharing Redis behind nginx (redis-server and nginx installed).
//
// Exit code: 1 when any measurement could not be taken (never a silent zero); with --strict,
// also when a target is not met.
const { parseArgs } = require('node:util');
const { timeMs } = require('./lib/stats.js');
const { environment, formatText, writeResults, targetLines } = require('./lib/report.js');

const SUITES = [
  'tokens',
  'confluence-tokens',
  'servicedesk-tokens',
  'tool-list',
  'skills',
  'overhead',
  'cold-start',
  'rate-limit',
  'rich-text',
  'sandbox',
  'hosted',
].map((name) => require(`./suites/${name}.js`));

/**
 * The user's own Atlassian settings must not leak into the servers under test: environment
 * variables override config files, and the bench talks to the loopback sandbox only.
 */
function isolateFromUserEnvironment() {
  for (const name of Object.keys(process.env))
    if (
      /^ATLASSIAN_/.test(name) ||
      name === 'HTTPS_PROXY' ||
      name === 'HTTP_PROXY' ||
      name === 'https_proxy' ||
      name === 'http_proxy'
    )
      delete process.env[name];
  process.env.NO_PROXY = '127.0.0.1,localhost';
}

async function main() {
  isolateFromUserEnvironment();
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      strict: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      hosted: { type: 'boolean', default: false },
    },
  });
  const only = values.only ? new Set(values.only.split(',')) : undefined;
  const unknown = [...(only ?? [])].filter((id) => !SUITES.some((s) => s.id === id));
  if (unknown.length)
    throw new Error(`unknown suite(s): ${unknown.join(', ')} (have: ${SUITES.map((s) => s.id).join(', ')})`);
  const ctx = { quick: values.quick, hosted: values.hosted, log: (msg) => process.stderr.write(`bench: ${msg}\n`) };
  const env = environment(values.quick ? 'quick' : 'full');
  const sections = [];
  for (const suite of SUITES.filter((s) => !only || only.has(s.id))) {
    ctx.log(`${suite.title} …`);
    try {
      const { ms, value } = await timeMs(() => suite.run(ctx));
      sections.push({ id: suite.id, title: suite.title, ms, ...value });
    } catch (e) {
      sections.push({
        id: suite.id,
        title: suite.title,
        error: e && e.stack ? e.stack : String(e),
        rows: [],
        targets: [],
      });
    }
  }
  const command = `npm run bench${values.quick ? ' -- --quick' : ''}`;
  process.stdout.write(`${formatText(env, sections)}\n`);
  if (!values['no-write'] && !only) ctx.log(`results written to ${writeResults(env, sections, command)}`);
  const failed = sections.filter((s) => s.error);
  for (const s of failed) ctx.log(`FAILED ${s.title}:\n${s.error}`);
  const unmet = targetLines(sections).filter((t) => t.status === 'NOT MET');
  if (failed.length) process.exitCode = 1;
  else if (values.strict && unmet.length) process.exitCode = 2;
}

main().catch((e) => {
  process.stderr.write(`bench: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
