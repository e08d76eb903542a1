'use strict';
// 4. Cold start (spawn → first tools/list answer) and memory with every first-party plugin (Jira
// and Confluence) and toolset on: the installed package (packed, installed into a temporary prefix: the bundle and its
// code cache) and the clone (workspace packages as tsc builds them) vs a one-tool server on the
// same SDK, spawned alternately in the same run. Also the tarball's size.
const { startSite } = require('../lib/site.js');
const { spawnServer, memoryOf } = require('../lib/stdio.js');
const { installPackage } = require('../lib/installed.js');
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
async function sample(kind, sandbox, keys, calls = 0, installed = undefined) {
  const server = await spawnServer(kind, sandbox, EVERYTHING, installed);
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
      kind !== 'baseline'
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

/** Where start-up time goes: require() of the SDK, core and each first-party plugin in a fresh node. */
function importCost() {
  const script = `const t=()=>performance.now();let a=t();require('@modelcontextprotocol/server');let b=t();require('@atlassian-mcp/core');let c=t();require('@atlassian-mcp/plugin-jira');let d=t();require('@atlassian-mcp/plugin-confluence');let e=t();require('@atlassian-mcp/plugin-service-desk');let f=t();process.stdout.write(JSON.stringify({sdk:b-a,core:c-b,jira:d-c,confluence:e-d,serviceDesk:f-e}))`;
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
  const installed = installPackage(ctx.log);
  const site = await startSite();
  try {
    const keys = (
      await site.rest(
        `/rest/api/3/search/jql?jql=${encodeURIComponent('project = NOVA ORDER BY key')}&maxResults=20&fields=summary`,
      )
    ).issues.map((i) => i.key);
    // The first start of the installed package compiles the bundle and leaves the code cache.
    const first = await sample('installed', site.sandbox, keys, 0, installed);
    // The tokens/overhead suites ran the same code already, so the OS file cache is warm.
    const inst = [];
    const ours = [];
    const base = [];
    for (let i = 0; i < runs; i++) {
      const last = i === runs - 1 ? calls : 0;
      inst.push(await sample('installed', site.sandbox, keys, last, installed));
      ours.push(await sample('ours', site.sandbox, keys, last));
      base.push(await sample('baseline', site.sandbox, keys, last));
    }
    const instMs = summarize(inst.map((r) => r.ms));
    const oursMs = summarize(ours.map((r) => r.ms));
    const baseMs = summarize(base.map((r) => r.ms));
    const mem = (list) => ({
      afterStart: { rssMb: summarize(list.map((r) => r.afterStart.rssMb)).median },
      afterCalls: list[runs - 1].afterCalls,
    });
    const memInst = mem(inst);
    const memOurs = mem(ours);
    const memBase = mem(base);
    // A diagnosis, not a target: where the clone's start-up goes (full run only, to keep --quick short).
    const imports = [];
    for (let i = 0; i < (ctx.quick ? 0 : 1); i++) imports.push(importCost());
    const imp = (k) => round(summarize(imports.map((x) => x[k])).median, 0);
    const instRatio = ratio(instMs.median, baseMs.median);
    const startRatio = ratio(oursMs.median, baseMs.median);
    const peakRatio = ratio(memInst.afterCalls.peakRssMb, memBase.afterCalls.peakRssMb);
    const mb = (v) => `${round(v, 1)} MB`;
    const kb = (v) => `${round(v / 1024, 0)} KiB`;
    const rows = [
      [
        `installed package: cold start → tools/list (median of ${runs})`,
        spread(instMs, ' ms', 0),
        `one-tool server ${spread(baseMs, ' ms', 0)}`,
        `${round(instRatio, 2)}×`,
      ],
      [
        '  its first start (no code cache yet)',
        `${round(first.ms, 0)} ms`,
        '',
        `${round(ratio(first.ms, baseMs.median), 2)}×`,
      ],
      [
        `clone (unbundled workspaces): cold start → tools/list (median of ${runs})`,
        spread(oursMs, ' ms', 0),
        `one-tool server ${spread(baseMs, ' ms', 0)}`,
        `${round(startRatio, 2)}×`,
      ],
      [
        'tools listed at start (stdio)',
        `${inst[0].tools} tools, ${inst[0].listTokens} tokens`,
        `${base[0].tools} tool, ${base[0].listTokens} tokens`,
        '',
      ],
      ...(imports.length
        ? [
            [
              '  clone: require() in a fresh node',
              `core ${imp('core')} ms, plugin-jira ${imp('jira')} ms, plugin-confluence ${imp('confluence')} ms, plugin-service-desk ${imp('serviceDesk')} ms`,
              `SDK ${imp('sdk')} ms`,
              '',
            ],
          ]
        : []),
      [
        'RSS after start (median): installed / clone',
        `${mb(memInst.afterStart.rssMb)} / ${mb(memOurs.afterStart.rssMb)}`,
        mb(memBase.afterStart.rssMb),
        `${round(ratio(memInst.afterStart.rssMb, memBase.afterStart.rssMb), 2)}×`,
      ],
      [
        `RSS after ${calls} calls: installed / clone`,
        `${mb(memInst.afterCalls.rssMb)} / ${mb(memOurs.afterCalls.rssMb)}`,
        mb(memBase.afterCalls.rssMb),
        `${round(ratio(memInst.afterCalls.rssMb, memBase.afterCalls.rssMb), 2)}×`,
      ],
      [
        'peak RSS: installed / clone',
        `${mb(memInst.afterCalls.peakRssMb)} / ${mb(memOurs.afterCalls.peakRssMb)}`,
        mb(memBase.afterCalls.peakRssMb),
        `${round(peakRatio, 2)}×`,
      ],
      [
        'package tarball (npm pack)',
        `${kb(installed.tarballBytes)} packed, ${kb(installed.unpackedBytes)} unpacked, ${installed.files} files`,
        '',
        '',
      ],
    ];
    const targets = [
      {
        target:
          'cold start of the installed package (all first-party plugins and toolsets) ≤ 1.3 × a one-tool server on the same SDK',
        actual: `${round(instRatio, 2)}× (${round(instMs.median, 0)} vs ${round(baseMs.median, 0)} ms)`,
        met: instRatio <= 1.3,
      },
      {
        target: `peak RSS of the installed package ≤ 1.3 × the same baseline (after ${calls} calls)`,
        actual: `${round(peakRatio, 2)}× (${mb(memInst.afterCalls.peakRssMb)} vs ${mb(memBase.afterCalls.peakRssMb)})`,
        met: peakRatio <= 1.3,
      },
    ];
    const headlines = [
      {
        measure: 'RSS after start / after calls, installed (vs one-tool server)',
        actual: `${mb(memInst.afterStart.rssMb)} / ${mb(memInst.afterCalls.rssMb)} (${mb(memBase.afterStart.rssMb)} / ${mb(memBase.afterCalls.rssMb)})`,
      },
      { measure: 'package tarball', actual: `${kb(installed.tarballBytes)} (${kb(installed.unpackedBytes)} unpacked)` },
    ];
    return {
      rows,
      targets,
      headlines,
      data: {
        runs,
        imports,
        first,
        installed: inst,
        ours,
        baseline: base,
        installedMs: instMs,
        oursMs,
        baselineMs: baseMs,
        tarball: { bytes: installed.tarballBytes, unpackedBytes: installed.unpackedBytes, files: installed.files },
        memory: { installed: memInst, ours: memOurs, baseline: memBase },
      },
    };
  } finally {
    await site.close();
    installed.cleanup();
  }
}

module.exports = { id: 'cold-start', title: '4. Cold start and memory (stdio, spawned)', run };
