'use strict';
// 1. Tokens the model sees: jira_get_issue vs the raw issue JSON a naive server returns, and
// jira_search pages vs the raw /search/jql JSON (same fields, and fields=*all).
const { startSite, startInProcess } = require('../lib/site.js');
const { measureText } = require('../lib/tokens.js');
const { issueFacts, missingFacts } = require('../lib/issue-facts.js');
const { summarize, ratio, round, spread } = require('../lib/stats.js');

const PROJECTS_JQL = 'project in (NOVA, OPS, MKT) ORDER BY key';
const SEARCH_JQL = 'project = NOVA ORDER BY key';

const q = (jql) => encodeURIComponent(jql);

/** The richest issues of the seed: description, comments, worklogs, links, attachments, subtasks. */
async function pickIssues(site, count) {
  const page = await site.rest(
    `/rest/api/3/search/jql?jql=${q(PROJECTS_JQL)}&maxResults=100&fields=description,comment,attachment,subtasks,issuelinks,worklog`,
  );
  const score = ({ fields: f }) =>
    (f.description ? 10 : 0) +
    f.comment.total +
    2 * f.attachment.length +
    2 * f.subtasks.length +
    2 * f.issuelinks.length +
    f.worklog.total;
  const ranked = page.issues
    .filter((i) => i.fields.description)
    .sort((a, b) => score(b) - score(a) || a.key.localeCompare(b.key, 'en', { numeric: true }));
  if (ranked.length < count)
    throw new Error(`the seed has only ${ranked.length} issues with a description (need ${count})`);
  return ranked.slice(0, count).map((i) => i.key);
}

/** Text the client shows the model, and the structured result clients may pass too. */
function seen(result) {
  return { text: measureText(result.text), structured: measureText(result.structured ?? {}) };
}

async function issueTokens(site, mcp, keys) {
  const perIssue = [];
  for (const key of keys) {
    const rawText = await site.restText(`/rest/api/3/issue/${key}`);
    const raw = JSON.parse(rawText);
    const plain = await mcp.call('jira_get_issue', { issueKey: key });
    const full = await mcp.call('jira_get_issue', { issueKey: key, include: ['worklogs'] });
    const missing = missingFacts(issueFacts(raw), full.text);
    perIssue.push({
      key,
      raw: measureText(rawText),
      default: seen(plain),
      withWorklogs: seen(full),
      facts: issueFacts(raw).length,
      missing: missing.map((m) => `${m.kind}: ${m.expect}`),
    });
  }
  const tok = (pick) => summarize(perIssue.map(pick));
  return {
    perIssue,
    raw: tok((i) => i.raw.tokens),
    rawChars: tok((i) => i.raw.chars),
    default: tok((i) => i.default.text.tokens),
    defaultChars: tok((i) => i.default.text.chars),
    full: tok((i) => i.withWorklogs.text.tokens),
    fullChars: tok((i) => i.withWorklogs.text.chars),
    fullStructured: tok((i) => i.withWorklogs.structured.tokens),
    ratioDefault: summarize(perIssue.map((i) => ratio(i.default.text.tokens, i.raw.tokens))),
    ratioFull: summarize(perIssue.map((i) => ratio(i.withWorklogs.text.tokens, i.raw.tokens))),
    factsTotal: perIssue.reduce((s, i) => s + i.facts, 0),
    factsMissing: perIssue.reduce((s, i) => s + i.missing.length, 0),
  };
}

async function searchTokens(site, mcp, limit) {
  const out = await mcp.call('jira_search', { jql: SEARCH_JQL, limit });
  const same = await site.restText(
    `/rest/api/3/search/jql?jql=${q(SEARCH_JQL)}&maxResults=${limit}&fields=summary,status,assignee`,
  );
  const all = await site.restText(`/rest/api/3/search/jql?jql=${q(SEARCH_JQL)}&maxResults=${limit}&fields=*all`);
  const rows = JSON.parse(same).issues;
  if (rows.length !== limit) throw new Error(`search page has ${rows.length} issues, expected ${limit}`);
  const missing = [];
  for (const i of rows) {
    for (const fact of [
      i.key,
      i.fields.summary,
      i.fields.status?.name,
      i.fields.assignee?.displayName ?? 'Unassigned',
    ]) {
      if (!out.text.includes(fact)) missing.push(`${i.key}: ${fact}`);
    }
  }
  const ours = measureText(out.text);
  const sameFields = measureText(same);
  const allFields = measureText(all);
  return {
    limit,
    ours,
    structured: measureText(out.structured ?? {}),
    sameFields,
    allFields,
    vsSame: ratio(ours.tokens, sameFields.tokens),
    vsAll: ratio(ours.tokens, allFields.tokens),
    missing,
  };
}

const pct = (r) => `${round(r * 100, 2)} %`;

/** Runs the token measurements in-process against a fresh sandbox. */
async function run(ctx) {
  const site = await startSite();
  const mcp = await startInProcess(site.sandbox, { toolsets: ['jira:all'] });
  try {
    const keys = await pickIssues(site, ctx.quick ? 8 : 20);
    const issues = await issueTokens(site, mcp, keys);
    const search10 = await searchTokens(site, mcp, 10);
    const search50 = await searchTokens(site, mcp, 50);
    const rows = [
      [
        'jira_get_issue tokens / issue (default)',
        spread(issues.default, '', 0),
        `raw ${spread(issues.raw, '', 0)}`,
        pct(issues.ratioDefault.median),
      ],
      [
        'jira_get_issue tokens / issue (+ worklogs)',
        spread(issues.full, '', 0),
        `raw ${spread(issues.raw, '', 0)}`,
        pct(issues.ratioFull.median),
      ],
      [
        'jira_get_issue chars / issue (default)',
        spread(issues.defaultChars, '', 0),
        `raw ${spread(issues.rawChars, '', 0)}`,
        pct(issues.defaultChars.median / issues.rawChars.median),
      ],
      [
        'jira_get_issue chars / issue (+ worklogs)',
        spread(issues.fullChars, '', 0),
        `raw ${spread(issues.rawChars, '', 0)}`,
        pct(issues.fullChars.median / issues.rawChars.median),
      ],
      [
        'jira_get_issue facts kept (+ worklogs)',
        `${issues.factsTotal - issues.factsMissing}/${issues.factsTotal}`,
        `${keys.length} issues`,
        '',
      ],
    ];
    for (const s of [search10, search50]) {
      rows.push([
        `jira_search ${s.limit} rows tokens (chars)`,
        `${s.ours.tokens} (${s.ours.chars})`,
        `raw same fields ${s.sameFields.tokens} (${s.sameFields.chars})`,
        pct(s.vsSame),
      ]);
      rows.push([
        `jira_search ${s.limit} rows vs fields=*all`,
        `${s.ours.tokens} (${s.ours.chars})`,
        `raw *all ${s.allFields.tokens} (${s.allFields.chars})`,
        pct(s.vsAll),
      ]);
    }
    const targets = [
      {
        target: 'jira_get_issue (+ worklogs) ≤ 9 % of raw issue JSON tokens, every fact (worklog comments too) kept',
        actual: `${pct(issues.ratioFull.median)} median, ${issues.factsMissing} of ${issues.factsTotal} facts missing`,
        met: issues.ratioFull.median <= 0.09 && issues.factsMissing === 0,
      },
      {
        target: '10-issue jira_search ≤ 1 % of raw fields=*all page, key/summary/status/assignee kept',
        actual: `${pct(search10.vsAll)}, ${search10.missing.length} facts missing`,
        met: search10.vsAll <= 0.01 && search10.missing.length === 0,
      },
    ];
    const headlines = [
      {
        measure: 'jira_get_issue, default call, vs raw issue JSON (median per issue)',
        actual: `${pct(issues.ratioDefault.median)} (${issues.default.median} vs ${issues.raw.median} tokens)`,
      },
      {
        measure: 'jira_search 50 rows vs raw /search/jql with the same fields',
        actual: `${pct(search50.vsSame)} (${search50.ours.tokens} vs ${search50.sameFields.tokens} tokens)`,
      },
    ];
    return { rows, targets, headlines, data: { keys, issues, search10, search50 } };
  } finally {
    await mcp.close();
    await site.close();
  }
}

module.exports = { id: 'tokens', title: '1. Tokens the model sees (o200k)', run };
