'use strict';
// The skill part of `npm run demo`: the user picks /document-todays-work space=ENG in their client;
// the prompt comes through the MCP client (prompts/get), and a scripted agent follows its procedure
// with the tools and the literal arguments it names (the JQL is the skill's own), then shows the page.
const { toolCalls } = require('@atlassian-mcp/core/host');

/**
 * `step(title, tool, args, { expectError })` is the demo's printing tool call; `quiet(tool, args)`
 * calls a tool without printing (the per-issue reads) and returns its structured result; `site` is
 * the site's address (SITE in the procedure: Confluence page links before `/wiki`). Returns the page.
 */
async function skillDemo({ client, step, quiet, out, bold, dim, site }) {
  out(bold('\n▶ Skill /document-todays-work space=ENG: the prompt, through prompts/get'));
  const { messages } = await client.getPrompt({ name: 'document-todays-work', arguments: { space: 'ENG' } });
  const procedure = messages[0].content.text;
  out(dim(`${procedure.split('\n').slice(0, 4).join('\n').replace(/^/gm, '  ')}\n  …`));
  const calls = toolCalls(procedure, ['jira_', 'confluence_']);
  const literal = (tool) => {
    const call = calls.find((c) => c.tool === tool);
    if (!call) throw new Error(`document-todays-work no longer names ${tool}`);
    return Object.fromEntries(
      Object.entries(call.values).map(([k, v]) => {
        try {
          return [k, JSON.parse(v)];
        } catch {
          return [k, v];
        }
      }),
    );
  };

  // The procedure's own calls, its placeholders filled in (KEY, NAME, YYYY-MM-DD, TEXT).
  const fill = (args, vars) =>
    Object.fromEntries(
      Object.entries(args).map(([k, v]) => [
        k,
        typeof v === 'string' ? v.replace(/\b(KEY|NAME|YYYY-MM-DD|TEXT)\b/g, (m) => vars[m]) : v,
      ]),
    );
  const offered = new Set((await client.listTools()).tools.map((t) => t.name));
  const me = (await step('Who am I (step 1)', 'jira_get_current_user', {})).structuredContent.name;
  const search = literal('jira_search');
  const candidates = (await step('What changed today (step 2, the JQL from the skill)', 'jira_search', search))
    .structuredContent.issues;
  const day = new Date().toISOString().slice(0, 10);
  const today = (items) =>
    (items || []).filter((i) => (i.author || i.by) === me && (i.created || i.started || i.at || '').startsWith(day));
  const done = [];
  let minutes = 0;
  for (const issue of candidates) {
    const key = { KEY: issue.key };
    const comments = today((await quiet('jira_list_comments', fill(literal('jira_list_comments'), key))).comments);
    const logs = today((await quiet('jira_list_worklogs', fill(literal('jira_list_worklogs'), key))).worklogs);
    const what = [
      ...(comments.length ? [`commented ${comments.length}×`] : []),
      ...logs.map((l) => `logged ${l.timeSpent}`),
    ];
    if (what.length) done.push({ ...issue, what });
    for (const l of logs)
      for (const [, n, u] of l.timeSpent.matchAll(/(\d+)([hm])/g)) minutes += n * (u === 'h' ? 60 : 1);
  }
  out(
    dim(`  step 3: read the comments and worklogs of ${candidates.length} issues; ${done.length} hold my work today`),
  );
  if (!offered.has('jira_get_changelog'))
    out(
      dim(
        '  (jira_get_changelog is not offered: jira:history is off, so status moves are left out, as the skill says)',
      ),
    );

  const title = `Work log — ${me} — ${day}`;
  const text = [
    `## ${title}`,
    ...done
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((d) => `- [${d.key}](${site}/browse/${d.key}) ${d.summary} — ${d.what.join('; ')}`),
    '',
    `Total logged: ${minutes >= 60 ? `${Math.floor(minutes / 60)}h ` : ''}${minutes % 60}m`,
  ].join('\n');
  const vars = { NAME: me, 'YYYY-MM-DD': day, TEXT: text };
  await step(
    'Is the title free? (step 6; "no such page" is the answer wanted)',
    'confluence_get_page',
    fill(literal('confluence_get_page'), vars),
    {
      expectError: true,
    },
  );
  const created = await step(
    'Write the page (step 6)',
    'confluence_create_page',
    fill(literal('confluence_create_page'), vars),
  );
  const page = await quiet('confluence_get_page', { pageId: created.structuredContent.id });
  out(bold(`\n  ${page.title}`) + `\n  ${page.url}`);
  out(
    dim(
      page.body
        .split('\n')
        .slice(0, 6)
        .map((l) => `  │ ${l.length > 110 ? `${l.slice(0, 109)}…` : l}`)
        .join('\n'),
    ),
  );
  return page;
}

module.exports = { skillDemo };
