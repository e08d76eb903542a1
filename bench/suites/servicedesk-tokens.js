'use strict';
// 1c. Tokens the model sees in Service Management: servicedesk_get_request vs the raw request JSON
// with every expansion a naive server would ask for (participants, status, SLAs, request type,
// desk, attachments, actions, comments) plus its portal transitions.
const { createTestHarness } = require('@atlassian-mcp/core/testing');
const { startSite, serverConfig, TOKEN_VAR } = require('../lib/site.js');
const { measureText } = require('../lib/tokens.js');
const { summarize, ratio, round, spread } = require('../lib/stats.js');

const EXPAND = 'participant,status,sla,requestType,serviceDesk,attachment,action,comment';
/** servicedesk_get_request shows the latest comments; the rest are one call away. */
const COMMENTS_SHOWN = 5;

/** Facts a reader needs from the raw request: who, what, where it stands, its clocks, files and latest comments. */
function requestFacts(raw, transitions) {
  const facts = [
    { kind: 'key', expect: raw.issueKey },
    { kind: 'status', expect: raw.currentStatus.status },
    { kind: 'request type', expect: raw.requestType.name },
    { kind: 'reporter', expect: raw.reporter.displayName },
    { kind: 'summary', expect: raw.requestFieldValues.find((f) => f.fieldId === 'summary')?.value ?? '' },
  ];
  for (const p of raw.requestParticipants?.values ?? []) facts.push({ kind: 'participant', expect: p.displayName });
  for (const s of raw.sla?.values ?? []) facts.push({ kind: 'sla', expect: s.name });
  for (const a of raw.attachments?.values ?? []) facts.push({ kind: 'attachment', expect: a.filename });
  for (const t of transitions) facts.push({ kind: 'transition', expect: t.name });
  for (const c of (raw.comments?.values ?? []).slice(-COMMENTS_SHOWN)) {
    facts.push({ kind: 'comment', expect: `#${c.id} ${c.author.displayName}` });
    facts.push({ kind: 'comment visibility', expect: `[${c.public ? 'public' : 'internal'}] #${c.id}` });
  }
  return facts.filter((f) => f.expect);
}

async function run(ctx) {
  const site = await startSite();
  process.env[TOKEN_VAR] = site.sandbox.credentials.apiToken;
  const harness = await createTestHarness({
    plugins: [require('@atlassian-mcp/plugin-service-desk').default],
    config: serverConfig(site.sandbox, { toolsets: ['service-desk:all'] }),
  });
  try {
    const keys = [...site.sandbox.site.jira.issuesByKey.keys()]
      .filter((k) => /^(ITS|HR)-\d+$/.test(k))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .slice(0, ctx.quick ? 10 : 40);
    const perRequest = [];
    for (const key of keys) {
      const rawText = await site.restText(`/rest/servicedeskapi/request/${key}?expand=${EXPAND}`);
      const transText = await site.restText(`/rest/servicedeskapi/request/${key}/transition`);
      const ours = await harness.call('servicedesk_get_request', { issueKey: key });
      if (ours.isError) throw new Error(`servicedesk_get_request ${key} failed: ${ours.text.slice(0, 300)}`);
      const facts = requestFacts(JSON.parse(rawText), JSON.parse(transText).values ?? []);
      perRequest.push({
        key,
        raw: measureText(rawText + transText),
        ours: measureText(ours.text),
        facts: facts.length,
        missing: facts.filter((f) => !ours.text.includes(f.expect)).map((f) => `${key} ${f.kind}: ${f.expect}`),
      });
    }
    const ratios = summarize(perRequest.map((r) => ratio(r.ours.tokens, r.raw.tokens)));
    const ours = summarize(perRequest.map((r) => r.ours.tokens));
    const raw = summarize(perRequest.map((r) => r.raw.tokens));
    const factsTotal = perRequest.reduce((s, r) => s + r.facts, 0);
    const missing = perRequest.flatMap((r) => r.missing);
    const pct = (r) => `${round(r * 100, 2)} %`;
    return {
      rows: [
        [
          'servicedesk_get_request tokens / request',
          spread(ours, '', 0),
          `raw ${spread(raw, '', 0)}`,
          pct(ratios.median),
        ],
        [
          'servicedesk_get_request facts kept',
          `${factsTotal - missing.length}/${factsTotal}`,
          `${keys.length} requests`,
          '',
        ],
      ],
      targets: [
        {
          target: 'servicedesk_get_request ≤ 15 % of the raw request JSON with its expands, every fact kept',
          actual: `${pct(ratios.median)} median, ${missing.length} of ${factsTotal} facts missing`,
          met: ratios.median <= 0.15 && missing.length === 0,
        },
      ],
      headlines: [
        {
          measure: 'servicedesk_get_request vs raw request JSON with expands (median per request)',
          actual: `${pct(ratios.median)} (${ours.median} vs ${raw.median} tokens)`,
        },
      ],
      data: { keys, perRequest, missing },
    };
  } finally {
    await harness.close();
    await site.close();
  }
}

module.exports = { id: 'servicedesk-tokens', title: '1c. Service Management tokens (o200k)', run };
