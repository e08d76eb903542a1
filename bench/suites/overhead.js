'use strict';
// 3. Overhead per call: the same data through the MCP client → tool → sandbox, and straight from
// the sandbox over HTTP, interleaved call by call so both see the same machine noise.
const { startSite, startInProcess } = require('../lib/site.js');
const { spawnServer } = require('../lib/stdio.js');
const { summarize, timeMs, round, ratio } = require('../lib/stats.js');
const { measureText } = require('../lib/tokens.js');
const { RichText } = require('@atlassian-mcp/core/host');

const KEYS_JQL = encodeURIComponent('project = NOVA ORDER BY key');

/** Runs `pairs` rounds of (direct, tool) alternately after a warm-up; returns both samples. */
async function interleave(pairs, warmup, direct, tool) {
  for (let i = 0; i < warmup; i++) {
    await direct(i);
    await tool(i);
  }
  const d = [];
  const t = [];
  for (let i = 0; i < pairs; i++) {
    // Alternate who goes first so neither always benefits from a warm cache line.
    if (i % 2 === 0) {
      d.push((await timeMs(() => direct(i))).ms);
      t.push((await timeMs(() => tool(i))).ms);
    } else {
      t.push((await timeMs(() => tool(i))).ms);
      d.push((await timeMs(() => direct(i))).ms);
    }
  }
  const direct_ = summarize(d);
  const tool_ = summarize(t);
  return {
    direct: direct_,
    tool: tool_,
    p50Diff: tool_.median - direct_.median,
    p95Diff: tool_.p95 - direct_.p95,
    p50Ratio: ratio(tool_.median, direct_.median),
  };
}

const ms = (v) => `${round(v, 2)} ms`;
const signed = (v) => `${v >= 0 ? '+' : '−'}${ms(Math.abs(v))}`;
function rowsFor(label, r) {
  return [
    [
      `${label} p50`,
      ms(r.tool.median),
      `direct HTTP ${ms(r.direct.median)}`,
      `${signed(r.p50Diff)} (${round(r.p50Ratio, 2)}×)`,
    ],
    [`${label} p95`, ms(r.tool.p95), `direct HTTP ${ms(r.direct.p95)}`, signed(r.p95Diff)],
  ];
}

// The untrusted-content fence carries a random id per response; everything else must match.
const textOf = (r) =>
  (r.content ?? [])
    .filter((c) => c.type === 'text')
    .map((c) => c.text)
    .join('\n')
    .replace(/(<\/?untrusted) [0-9a-f]{6}/g, '$1 ······');

async function toolCaller(call) {
  return async (name, args) => {
    const r = await call({ name, arguments: args });
    if (r.isError) throw new Error(`${name} failed: ${JSON.stringify(r.content).slice(0, 300)}`);
    return r;
  };
}

async function run(ctx) {
  const n = ctx.quick ? 25 : 150;
  const warmup = ctx.quick ? 5 : 20;
  const site = await startSite();
  const keys = (await site.rest(`/rest/api/3/search/jql?jql=${KEYS_JQL}&maxResults=20&fields=summary`)).issues.map(
    (i) => i.key,
  );
  const key = (i) => keys[i % keys.length];
  const getIssueDirect = async (i) =>
    JSON.parse(await site.restText(`/rest/api/3/issue/${key(i)}?expand=names%2Cschema`));
  const searchDirect = async () =>
    JSON.parse(
      await site.restText(
        `/rest/api/3/search/jql?jql=${encodeURIComponent('project = NOVA')}&fields=summary%2Cstatus%2Cassignee&maxResults=10`,
      ),
    );
  const mcp = await startInProcess(site.sandbox, {});
  let stdio;
  let baseline;
  try {
    const inProc = await toolCaller((p) => mcp.harness.client.callTool(p));
    const getIssue = await interleave(n, warmup, getIssueDirect, (i) =>
      inProc('jira_get_issue', { issueKey: key(i), comments: 0 }),
    );
    const search = await interleave(n, warmup, searchDirect, () =>
      inProc('jira_search', { jql: 'project = NOVA', limit: 10 }),
    );
    // A diagnosis of the difference: the rich-text share of a jira_get_issue call.
    const rich = new RichText();
    const descriptions = [];
    for (const k of keys) descriptions.push((await getIssueDirect(keys.indexOf(k))).fields.description);
    const richSamples = [];
    for (let i = 0; i < Math.min(n, 100); i++)
      richSamples.push((await timeMs(() => rich.adfToMarkdown(descriptions[i % descriptions.length]))).ms);
    const richMs = summarize(richSamples);
    const sameArgs = { issueKey: key(0), comments: 0 };
    const inProcText = textOf(await inProc('jira_get_issue', sameArgs));
    await mcp.close();

    stdio = await spawnServer('ours', site.sandbox, {});
    const overStdio = await toolCaller((p) => stdio.client.callTool(p));
    const stdioText = textOf(await overStdio('jira_get_issue', sameArgs));
    // The model must see the same thing whichever transport carries it.
    if (stdioText !== inProcText)
      throw new Error(
        `jira_get_issue ${key(0)} reads differently over stdio (${measureText(stdioText).tokens} tokens) and in-process (${measureText(inProcText).tokens} tokens)`,
      );
    const stdioGet = await interleave(n, warmup, getIssueDirect, (i) =>
      overStdio('jira_get_issue', { issueKey: key(i), comments: 0 }),
    );
    await stdio.close();
    stdio = undefined;

    baseline = await spawnServer('baseline', site.sandbox);
    const overBaseline = await toolCaller((p) => baseline.client.callTool(p));
    const baselineGet = await interleave(n, warmup, getIssueDirect, (i) =>
      overBaseline('get_issue', { issueKey: key(i) }),
    );

    const rows = [
      ...rowsFor('jira_get_issue in-process', getIssue),
      [
        '  of which ADF → Markdown of the description',
        ms(richMs.median),
        '',
        `${round((richMs.median / getIssue.tool.median) * 100, 0)} % of the call`,
      ],
      ...rowsFor('jira_search (10) in-process', search),
      [
        `jira_get_issue ${key(0)} text, stdio = in-process`,
        `${measureText(stdioText).tokens} tokens`,
        `${measureText(inProcText).tokens} tokens`,
        'identical',
      ],
      ...rowsFor('jira_get_issue over stdio', stdioGet),
      ...rowsFor('one-tool baseline server over stdio', baselineGet),
    ];
    const targets = [
      {
        target: 'overhead per tool call ≤ 2 ms p50 over the direct HTTP call (jira_get_issue, in-process)',
        actual: `${signed(getIssue.p50Diff)} (n=${n})`,
        met: getIssue.p50Diff <= 2,
      },
      {
        target: 'overhead per tool call ≤ 2 ms p50 over the direct HTTP call (jira_get_issue, stdio)',
        actual: `${signed(stdioGet.p50Diff)} (one-tool baseline server: ${signed(baselineGet.p50Diff)})`,
        met: stdioGet.p50Diff <= 2,
      },
    ];
    return { rows, targets, data: { calls: n, warmup, richTextMs: richMs, getIssue, search, stdioGet, baselineGet } };
  } finally {
    await mcp.close().catch(() => {});
    await stdio?.close();
    await baseline?.close();
    await site.close();
  }
}

module.exports = { id: 'overhead', title: '3. Overhead per call (p50/p95, same data, interleaved)', run };
