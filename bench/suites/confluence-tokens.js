'use strict';
// 1b. Tokens the model sees in Confluence: confluence_get_page vs the raw v2 page JSON with
// body-format=storage, and a 10-result confluence_search vs the raw v1 search JSON.
const { startSite, startInProcess } = require('../lib/site.js');
const { measureText } = require('../lib/tokens.js');
const { summarize, ratio, round, spread } = require('../lib/stats.js');

const SEARCH_CQL = 'space = ENG AND type = page ORDER BY lastmodified DESC';
// What confluence_search asks for (without it Cloud leaves authors and dates empty).
const SEARCH_EXPAND = 'content.space,content.version,content.history,space';

const decode = (s) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
const strip = (s) =>
  decode(s.replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Facts a reader needs from the raw page: title, version, parent, last editor, and from the body
 * every heading, every Jira issue a macro shows, every person mentioned, every table cell text,
 * every task and every status lozenge.
 */
function pageFacts(raw, names) {
  const body = raw.body.storage.value;
  const facts = [
    { kind: 'title', expect: raw.title },
    { kind: 'version', expect: `v${raw.version.number}` },
    { kind: 'last editor', expect: names.get(raw.version.authorId) ?? raw.version.authorId },
  ];
  if (raw.parentId) facts.push({ kind: 'parent', expect: String(raw.parentId) });
  for (const m of body.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g))
    facts.push({ kind: 'heading', expect: strip(m[1]) });
  for (const m of body.matchAll(/ac:name="key">([A-Z][A-Z0-9]+-\d+)</g)) facts.push({ kind: 'jira key', expect: m[1] });
  for (const m of body.matchAll(/ri:account-id="([^"]+)"/g))
    facts.push({ kind: 'mention', expect: names.get(m[1]) ?? m[1] });
  for (const m of body.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)) {
    const cell = strip(m[1].replace(/<ac:structured-macro[\s\S]*?<\/ac:structured-macro>/g, ''));
    if (cell) facts.push({ kind: 'cell', expect: cell });
  }
  for (const m of body.matchAll(/<ac:task-body>([\s\S]*?)<\/ac:task-body>/g)) {
    const text = strip(
      m[1]
        .replace(/<ac:link>[\s\S]*?<\/ac:link>/g, '')
        .replace(/<ac:structured-macro[\s\S]*?<\/ac:structured-macro>/g, '')
        .replace(/<time[^>]*\/>/g, ''),
    ).replace(/\s*\(\s*\)$/, '');
    if (text) facts.push({ kind: 'task', expect: text });
  }
  for (const m of body.matchAll(/<ac:structured-macro ac:name="status"[\s\S]*?ac:name="title">([^<]+)</g))
    facts.push({ kind: 'status', expect: decode(m[1]) });
  return facts.filter((f) => f.expect);
}

/** Facts whose words do not all appear in the text (Markdown marks and escapes aside). */
function missingFacts(facts, text) {
  const plain = text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1').replace(/[*_`]/g, '');
  return facts.filter((f) => !plain.includes(f.expect.replace(/[*_`]/g, '')));
}

/**
 * What the model can read of a page: the text of get_page, and for a page too long to show whole,
 * also the sections its `more` line names (each read with `section`, as the line says to).
 */
async function reachable(mcp, id, first) {
  const more = first.structured && first.structured.more;
  if (!more) return first.text;
  const named = /read them by section: (.*)\]$/.exec(more);
  const parts = [first.text];
  for (const heading of new Set(named ? named[1].split(' | ') : [])) {
    const part = await mcp.call('confluence_get_page', { pageId: id, section: heading });
    if (!part.isError) parts.push(part.text);
  }
  return parts.join('\n');
}

/** The pages with the longest bodies: the ones whose cost matters. */
async function pickPages(site, count) {
  const ids = [];
  let path = `/wiki/api/v2/pages?limit=250&body-format=storage`;
  const pages = [];
  while (path) {
    const page = await site.rest(path);
    pages.push(...page.results);
    path = page._links && page._links.next;
  }
  pages.sort((a, b) => b.body.storage.value.length - a.body.storage.value.length);
  for (const p of pages.slice(0, count)) ids.push(p.id);
  return ids;
}

async function pageTokens(site, mcp, ids, names) {
  const perPage = [];
  for (const id of ids) {
    const rawText = await site.restText(`/wiki/api/v2/pages/${id}?body-format=storage`);
    const raw = JSON.parse(rawText);
    const ours = await mcp.call('confluence_get_page', { pageId: id });
    const facts = pageFacts(raw, names);
    const missing = missingFacts(facts, await reachable(mcp, id, ours));
    perPage.push({
      id,
      title: raw.title,
      raw: measureText(rawText),
      ours: measureText(ours.text),
      structured: measureText(ours.structured ?? {}),
      facts: facts.length,
      missing: missing.map((m) => `${m.kind}: ${m.expect}`),
    });
  }
  return {
    perPage,
    raw: summarize(perPage.map((p) => p.raw.tokens)),
    ours: summarize(perPage.map((p) => p.ours.tokens)),
    ratio: summarize(perPage.map((p) => ratio(p.ours.tokens, p.raw.tokens))),
    total: ratio(
      perPage.reduce((s, p) => s + p.ours.tokens, 0),
      perPage.reduce((s, p) => s + p.raw.tokens, 0),
    ),
    factsTotal: perPage.reduce((s, p) => s + p.facts, 0),
    factsMissing: perPage.reduce((s, p) => s + p.missing.length, 0),
  };
}

async function searchTokens(site, mcp) {
  const out = await mcp.call('confluence_search', { query: SEARCH_CQL, limit: 10 });
  const rawText = await site.restText(
    `/wiki/rest/api/search?cql=${encodeURIComponent(SEARCH_CQL)}&limit=10&expand=${SEARCH_EXPAND}`,
  );
  const raw = JSON.parse(rawText);
  if (raw.results.length !== 10) throw new Error(`search page has ${raw.results.length} results, expected 10`);
  const missing = [];
  for (const r of raw.results) {
    const c = r.content;
    for (const fact of [c.id, c.title, c.space.key, r.lastModified.slice(0, 10), c.version.by.displayName])
      if (!out.text.includes(fact)) missing.push(`${c.id}: ${fact}`);
  }
  const plain = measureText(rawText);
  const ours = measureText(out.text);
  return {
    ours,
    raw: plain,
    structured: measureText(out.structured ?? {}),
    ratio: ratio(ours.tokens, plain.tokens),
    missing,
  };
}

const pct = (r) => `${round(r * 100, 2)} %`;

async function run(ctx) {
  const site = await startSite();
  const mcp = await startInProcess(site.sandbox, { toolsets: ['confluence:all'] }, ['confluence']);
  try {
    const users = site.sandbox.credentials.users;
    const names = new Map(users.map((u) => [u.accountId, u.displayName]));
    const ids = await pickPages(site, ctx.quick ? 8 : 20);
    const pages = await pageTokens(site, mcp, ids, names);
    const search = await searchTokens(site, mcp);
    const rows = [
      [
        'confluence_get_page tokens / page',
        spread(pages.ours, '', 0),
        `raw v2 (storage) ${spread(pages.raw, '', 0)}`,
        pct(pages.ratio.median),
      ],
      ['confluence_get_page, all pages together', '', '', pct(pages.total)],
      [
        'confluence_get_page facts kept',
        `${pages.factsTotal - pages.factsMissing}/${pages.factsTotal}`,
        `${ids.length} pages`,
        '',
      ],
      [
        'confluence_search 10 results tokens (chars)',
        `${search.ours.tokens} (${search.ours.chars})`,
        `raw v1 search ${search.raw.tokens} (${search.raw.chars})`,
        pct(search.ratio),
      ],
    ];
    const targets = [
      {
        target: 'confluence_get_page ≤ 35 % of the raw v2 page JSON (body-format=storage), every fact kept',
        actual: `${pct(pages.ratio.median)} median, ${pages.factsMissing} of ${pages.factsTotal} facts missing`,
        met: pages.ratio.median <= 0.35 && pages.factsMissing === 0,
      },
      {
        target: '10-result confluence_search ≤ 20 % of the raw v1 search JSON, id/title/space/date/author kept',
        actual: `${pct(search.ratio)}, ${search.missing.length} facts missing`,
        met: search.ratio <= 0.2 && search.missing.length === 0,
      },
    ];
    const headlines = [
      {
        measure: 'confluence_get_page vs raw v2 page JSON with storage (median per page)',
        actual: `${pct(pages.ratio.median)} (${pages.ours.median} vs ${pages.raw.median} tokens)`,
      },
    ];
    return { rows, targets, headlines, data: { ids, pages, search } };
  } finally {
    await mcp.close();
    await site.close();
  }
}

module.exports = { id: 'confluence-tokens', title: '1b. Tokens the model sees in Confluence (o200k)', run };
