'use strict';
// The results: a table on stdout, bench/results/latest.{json,md} and the README section.
const { mkdirSync, writeFileSync } = require('node:fs');
const { cpus, totalmem, platform, release, arch } = require('node:os');
const { join } = require('node:path');

const RESULTS_DIR = join(__dirname, '..', 'results');
const HEAD = ['measure', 'ours', 'baseline', 'ratio'];

/** Machine, Node version and date: the context every figure needs. */
function environment(mode) {
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
    cpu: `${cpu.length} × ${cpu[0]?.model?.trim() ?? 'unknown'}`,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    mode,
  };
}

function textTable(rows) {
  const widths = HEAD.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r) =>
    r
      .map((c, i) => String(c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const cell = (c) => String(c ?? '').replace(/\|/g, '\\|');
function mdTable(head, rows) {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** Plain-text report for stdout. */
function formatText(env, sections) {
  const out = [`atlassian-mcp bench — ${env.date} — Node ${env.node} — ${env.cpu} — ${env.mode}`];
  for (const s of sections) {
    out.push('', `## ${s.title}${s.ms !== undefined ? `  (${(s.ms / 1000).toFixed(1)} s)` : ''}`);
    if (s.error) out.push(`MEASUREMENT FAILED: ${s.error}`);
    else out.push(textTable(s.rows));
  }
  out.push('', '## Targets', ...targetLines(sections).map((t) => `${t.status.padEnd(9)} ${t.target} — ${t.actual}`));
  return out.join('\n');
}

function targetLines(sections) {
  const lines = [];
  for (const s of sections) {
    if (s.error) lines.push({ status: 'NO DATA', target: s.title, actual: s.error.split('\n')[0] });
    for (const t of s.targets ?? [])
      lines.push({ status: t.met ? 'met' : 'NOT MET', target: t.target, actual: t.actual });
  }
  return lines;
}

/** Markdown: the environment, one table per section, and the targets. */
function formatMarkdown(env, sections, command) {
  const out = [
    `Measured with \`${command}\` on ${env.date.slice(0, 10)}: Node ${env.node}, ${env.os}, ${env.cpu}, ${env.memoryGb} GB RAM (${env.mode} run). Baselines are taken in the same run; times are medians with the p25–p75 spread in brackets.`,
    '',
    '**Targets**',
    '',
    mdTable(
      ['', 'target', 'measured'],
      targetLines(sections).map((t) => [mark(t.status), t.target, t.actual]),
    ),
  ];
  for (const s of sections) {
    out.push('', `**${s.title}**`, '');
    out.push(s.error ? `Measurement failed: ${s.error.split('\n')[0]}` : mdTable(HEAD, s.rows));
  }
  return out.join('\n');
}

const mark = (status) => (status === 'met' ? '✅ met' : status === 'NOT MET' ? '❌ not met' : '⚠️ no data');

/** The README's Performance section: the command, the machine, and one line per headline figure. */
function formatReadmeSection(env, sections, command) {
  const rows = targetLines(sections).map((t) => [t.target, t.actual, mark(t.status)]);
  for (const s of sections) for (const h of s.headlines ?? []) rows.push([h.measure, h.actual, '—']);
  return [
    '## Performance',
    '',
    'One command measures what users feel — tokens the model reads, tool-list cost, per-call overhead, cold start, memory and behaviour under a 429 storm — against the bundled sandbox site, with every baseline taken in the same run:',
    '',
    '```sh',
    'npm install && npm run bench     # full run, under 3 minutes; add -- --quick for a short one',
    '```',
    '',
    `Latest (\`${command}\`, ${env.date.slice(0, 10)}, Node ${env.node}, ${env.cpu}, shared machine — read ratios and medians):`,
    '',
    mdTable(['measure (target)', 'measured', 'status'], rows),
    '',
    'Every table, with medians and p25–p75 spreads: [`bench/results/latest.md`](bench/results/latest.md); raw figures: `bench/results/latest.json`.',
    '',
  ].join('\n');
}

/** Writes latest.json, latest.md and README-section.md. */
function writeResults(env, sections, command) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = {
    environment: env,
    command,
    sections: sections.map(({ id, title, rows, targets, headlines, data, error, ms }) => ({
      id,
      title,
      ms,
      error,
      targets,
      headlines,
      rows,
      data,
    })),
  };
  writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  const md = formatMarkdown(env, sections, command);
  writeFileSync(join(RESULTS_DIR, 'latest.md'), `# atlassian-mcp benchmark results\n\n${md}\n`);
  writeFileSync(join(RESULTS_DIR, 'README-section.md'), formatReadmeSection(env, sections, command));
  return RESULTS_DIR;
}

module.exports = { environment, formatText, writeResults, targetLines };
