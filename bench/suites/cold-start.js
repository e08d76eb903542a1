'use strict';
// 4. Cold start (spawn → first tools/list answer) and memory, ours with every first-party plugin
// and toolset on vs a one-tool server on the same SDK, spawned alternately in the same run.
const { startSite } = require('../lib/site.js');
const { spawnServer, memoryOf } = require('../lib/stdio.js');
const { summarize, round, ratio, spread } = require('../lib/stats.js');
const { measureText } = require('../lib/tokens.js');
const { execFileSync } = require('node:child_process');
const { resolve } = require('node:path');

const REPO = resolve(__dirname, '../..');

const EVERYTHING = { toolsets: ['all'], allowDestructive: true };

/**
 * Spawns a server and times spawn → first tools/list answer, with its memory right after.
 * With `calls`, then makes that many tool calls (4 at a time) and measures memory again.
 */
async function sample(kind, sandbox, keys, calls = 0) {
  const server = await spawnServer(kind, sandbox, EVERYTHING);
  try {
    const { tools } = await server.client.listTools();
    const ms = Number(process.hrtime.bigint() - server.startedAt) / 1e6;
    if (tools.length === 0) throw new Error(`${kind} server listed no tools`);
    const result = {
      ms,
      tools: tools.length,
      listTokens: measureText({ tools }).tokens,
      afterStart: memoryOf(server.pid),
    };
    if (calls === 0) return result;
    const [name, args] =
      kind === 'ours'
        ? ['jira_get_issue', (k) => ({ issueKey: k, comments: 0 })]
        : ['get_issue', (k) => ({ issueKey: k })];
    let next = 0;
    let failed = 0;
    const worker = async () => {
      while (next < calls) {
        const i = next++;
        const r = await server.client.callTool({ name, arguments: args(keys[i % keys.length]) });
        if (r.isError) failed++;
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    if (failed > 0) throw new Error(`${failed} of ${calls} ${kind} calls failed`);
    return { ...result, calls, afterCalls: memoryOf(server.pid) };
  } finally {
    await server.close();
  }
}

/** Where start-up time goes: require() of the SDK, core and the Jira plugin in a fresh node. */
function importCost() {
  const script = `const t=()=>performance.now();let a=t();require('@modelcontextprotocol/server');let b=t();require('@atlassian-mcp/core');let c=t();require('@atlassian-mcp/plugin-jira');let d=t();process.stdout.write(JSON.stringify({sdk:b-a,core:c-b,jira:d-c}))`;
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(out);
}

async function run(ctx) {
  const runs = ctx.quick ? 3 : 7;
  const calls = ctx.quick ? 50 : 1000;
  const site = await startSite();
  try {
    const keys = (
      await site.rest(
        `/rest/api/3/search/jql?jql=${encodeURIComponent('project = NOVA ORDER BY key')}&maxResults=20&fields=summary`,
      )
    ).issues.map((i) => i.key);
    // The tokens/overhead suites ran the same code already, so the OS file cache is warm.
    const ours = [];
    const base = [];
    for (let i = 0; i < runs; i++) {
      const last = i === runs - 1 ? calls : 0;
      ours.push(await sample('ours', site.sandbox, keys, last));
      base.push(await sample('baseline', site.sandbox, keys, last));
    }
    const oursMs = summarize(ours.map((r) => r.ms));
    const baseMs = summarize(base.map((r) => r.ms));
    const memOurs = {
      afterStart: { rssMb: summarize(ours.map((r) => r.afterStart.rssMb)).median },
      afterCalls: ours[runs - 1].afterCalls,
    };
    const memBase = {
      afterStart: { rssMb: summarize(base.map((r) => r.afterStart.rssMb)).median },
      afterCalls: base[runs - 1].afterCalls,
    };
    // A diagnosis, not a target: where start-up goes (full run only, to keep --quick short).
    const imports = [];
    for (let i = 0; i < (ctx.quick ? 0 : 1); i++) imports.push(importCost());
    const imp = (k) => round(summarize(imports.map((x) => x[k])).median, 0);
    const startRatio = ratio(oursMs.median, baseMs.median);
    const peakRatio = ratio(memOurs.afterCalls.peakRssMb, memBase.afterCalls.peakRssMb);
    const startRssRatio = ratio(memOurs.afterStart.rssMb, memBase.afterStart.rssMb);
    const mb = (v) => `${round(v, 1)} MB`;
    const rows = [
      [
        `cold start → tools/list (median of ${runs})`,
        spread(oursMs, ' ms', 0),
        `one-tool server ${spread(baseMs, ' ms', 0)}`,
        `${round(startRatio, 2)}×`,
      ],
      [
        'tools listed at start (stdio)',
        `${ours[0].tools} tools, ${ours[0].listTokens} tokens`,
        `${base[0].tools} tool, ${base[0].listTokens} tokens`,
        '',
      ],
      ...(imports.length
        ? [
            [
              '  of which require() in a fresh node',
              `core ${imp('core')} ms, plugin-jira ${imp('jira')} ms`,
              `SDK ${imp('sdk')} ms`,
              '',
            ],
          ]
        : []),
      [
        'RSS after start (median)',
        mb(memOurs.afterStart.rssMb),
        mb(memBase.afterStart.rssMb),
        `${round(startRssRatio, 2)}×`,
      ],
      [
        `RSS after ${calls} calls`,
        mb(memOurs.afterCalls.rssMb),
        mb(memBase.afterCalls.rssMb),
        `${round(ratio(memOurs.afterCalls.rssMb, memBase.afterCalls.rssMb), 2)}×`,
      ],
      ['peak RSS', mb(memOurs.afterCalls.peakRssMb), mb(memBase.afterCalls.peakRssMb), `${round(peakRatio, 2)}×`],
    ];
    const targets = [
      {
        target: 'cold start (all first-party plugins and toolsets) ≤ 1.5 × a one-tool server on the same SDK',
        actual: `${round(startRatio, 2)}× (${round(oursMs.median, 0)} vs ${round(baseMs.median, 0)} ms)`,
        met: startRatio <= 1.5,
      },
      {
        target: `peak RSS ≤ 1.3 × the same baseline (after ${calls} calls)`,
        actual: `${round(peakRatio, 2)}× (${mb(memOurs.afterCalls.peakRssMb)} vs ${mb(memBase.afterCalls.peakRssMb)})`,
        met: peakRatio <= 1.3,
      },
    ];
    const headlines = [
      {
        measure: 'RSS after start / after calls (vs one-tool server)',
        actual: `${mb(memOurs.afterStart.rssMb)} / ${mb(memOurs.afterCalls.rssMb)} (${mb(memBase.afterStart.rssMb)} / ${mb(memBase.afterCalls.rssMb)})`,
      },
    ];
    return {
      rows,
      targets,
      headlines,
      data: {
        runs,
        imports,
        ours,
        baseline: base,
        oursMs,
        baselineMs: baseMs,
        memory: { ours: memOurs, baseline: memBase },
      },
    };
  } finally {
    await site.close();
  }
}

module.exports = { id: 'cold-start', title: '4. Cold start and memory (stdio, spawned)', run };
