'use strict';
// 2. Tool-definition cost: every tools/list byte rides along on every model request.
const { startSite, startInProcess } = require('../lib/site.js');
const { measureText } = require('../lib/tokens.js');
const { round } = require('../lib/stats.js');

const EVERYTHING = { toolsets: ['all'], allowDestructive: true, readOnly: false };

/** tools/list as a client receives it, measured per tool and in all. */
async function measureList(sandbox, config, plugins) {
  const mcp = await startInProcess(sandbox, config, plugins);
  try {
    const { tools } = await mcp.listTools();
    if (tools.length === 0) throw new Error(`tools/list is empty for config ${JSON.stringify(config)}`);
    const perTool = tools.map((t) => ({ name: t.name, ...measureText(t) })).sort((a, b) => b.tokens - a.tokens);
    const total = perTool.reduce((s, t) => s + t.tokens, 0);
    return {
      count: tools.length,
      total,
      wholeList: measureText({ tools }).tokens,
      average: total / tools.length,
      largest: perTool.slice(0, 5),
      perTool,
    };
  } finally {
    await mcp.close();
  }
}

async function run() {
  const site = await startSite();
  try {
    const def = await measureList(site.sandbox, {});
    const all = await measureList(site.sandbox, EVERYTHING);
    const confluence = await measureList(site.sandbox, {}, ['confluence']);
    const both = await measureList(site.sandbox, {}, ['jira', 'confluence']);
    const bothAll = await measureList(site.sandbox, EVERYTHING, ['jira', 'confluence']);
    const serviceDesk = await measureList(site.sandbox, {}, ['service-desk']);
    const three = await measureList(site.sandbox, {}, ['jira', 'confluence', 'service-desk']);
    const threeAll = await measureList(site.sandbox, EVERYTHING, ['jira', 'confluence', 'service-desk']);
    const rows = [
      ['tools/list default config', `${def.total} tokens, ${def.count} tools`, '', ''],
      ['  per tool (default)', `${round(def.average, 1)} tokens avg`, '', ''],
      ['tools/list everything enabled', `${all.total} tokens, ${all.count} tools`, '', ''],
      ['  per tool (everything)', `${round(all.average, 1)} tokens avg`, '', ''],
      ...all.largest.map((t, i) => [`  largest #${i + 1}`, `${t.name} ${t.tokens} tokens`, '', '']),
      ['tools/list Confluence default', `${confluence.total} tokens, ${confluence.count} tools`, '', ''],
      ['tools/list Jira + Confluence default', `${both.total} tokens, ${both.count} tools`, '', ''],
      ['tools/list Jira + Confluence everything', `${bothAll.total} tokens, ${bothAll.count} tools`, '', ''],
      ['  per tool (Jira + Confluence everything)', `${round(bothAll.average, 1)} tokens avg`, '', ''],
      ['tools/list Service Management default', `${serviceDesk.total} tokens, ${serviceDesk.count} tools`, '', ''],
      ['tools/list all three plugins default', `${three.total} tokens, ${three.count} tools`, '', ''],
      ['tools/list all three plugins everything', `${threeAll.total} tokens, ${threeAll.count} tools`, '', ''],
      ['  per tool (all three everything)', `${round(threeAll.average, 1)} tokens avg`, '', ''],
    ];
    const targets = [
      {
        target: 'tools/list ≤ 120 tokens per tool on average (everything enabled)',
        actual: `${round(all.average, 1)} tokens`,
        met: all.average <= 120,
      },
      {
        target: 'tools/list ≤ 120 tokens per tool on average (default config)',
        actual: `${round(def.average, 1)} tokens`,
        met: def.average <= 120,
      },
      { target: 'default configuration ≤ 2,500 tokens in all', actual: `${def.total} tokens`, met: def.total <= 2500 },
      {
        target: 'Confluence default tools/list ≤ 1,300 tokens',
        actual: `${confluence.total} tokens (${confluence.count} tools)`,
        met: confluence.total <= 1300,
      },
      {
        target: 'Jira + Confluence default tools/list ≤ 4,500 tokens (the budget of all three plugins)',
        actual: `${both.total} tokens (${both.count} tools)`,
        met: both.total <= 4500,
      },
      {
        target: 'Service Management default tools/list ≤ 1,300 tokens',
        actual: `${serviceDesk.total} tokens (${serviceDesk.count} tools)`,
        met: serviceDesk.total <= 1300,
      },
      {
        target: 'Jira + Confluence + Service Management default tools/list ≤ 4,500 tokens',
        actual: `${three.total} tokens (${three.count} tools)`,
        met: three.total <= 4500,
      },
    ];
    return {
      rows,
      targets,
      data: {
        default: def,
        everything: all,
        confluence,
        jiraConfluence: both,
        jiraConfluenceEverything: bothAll,
        serviceDesk,
        allThree: three,
        allThreeEverything: threeAll,
      },
    };
  } finally {
    await site.close();
  }
}

module.exports = { id: 'tool-list', title: '2. Tool-definition cost (tools/list, o200k)', run };
