#!/usr/bin/env node
'use strict';
// `npm run demo`: starts the sandbox Atlassian site, spawns the real stdio server against it with
// the example config, and drives it with a real MCP client through an agent's day of Jira work and
// of documenting it in Confluence — by hand, then with the /document-todays-work skill — printing
// what the agent sees. No Atlassian account needed.
const { join } = require('node:path');
const { startSandbox } = require('@atlassian-mcp/sandbox');
const { Client } = require('@modelcontextprotocol/client');
const { StdioClientTransport } = require('@modelcontextprotocol/client/stdio');
const { serviceDeskDemo } = require('./demo-service-desk.js');
const { skillDemo } = require('./demo-skill.js');

const repo = join(__dirname, '..');
const out = (s = '') => process.stdout.write(`${s}\n`);
const dim = (s) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

async function main() {
  const sandbox = await startSandbox({ listen: true });
  out(bold(`Sandbox Atlassian site at ${sandbox.url} (signed in as ${sandbox.credentials.email})`));
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(repo, 'bin/atlassian-mcp.js'), '--config', join(repo, 'atlassian-mcp.config.ts')],
    cwd: repo,
    env: {
      ...process.env,
      ATLASSIAN_SITE_URL: sandbox.url,
      ATLASSIAN_EMAIL: sandbox.credentials.email,
      ATLASSIAN_API_TOKEN: sandbox.credentials.apiToken,
      ATLASSIAN_AUTH_TYPE: 'apiToken',
      ATLASSIAN_CREDENTIAL_STORE: 'memory',
      ATLASSIAN_AUDIT_FILE: join(require('node:os').tmpdir(), `atlassian-mcp-demo-audit-${process.pid}.jsonl`),
      ATLASSIAN_MCP_LOG_LEVEL: 'warn',
      // Approving is opt-in (the approvals toolset): the Service Management part approves a request.
      ATLASSIAN_TOOLSETS: 'default,service-desk:approvals',
    },
    stderr: 'inherit',
  });
  const client = new Client({ name: 'atlassian-mcp-demo', version: '1.0.0' });
  await client.connect(transport);
  let failures = 0;

  const { tools } = await client.listTools();
  out(bold(`\nThe agent is offered ${tools.length} tools:`) + ` ${tools.map((t) => t.name).join(', ')}`);

  async function step(title, name, args, { expectError = false } = {}) {
    out(bold(`\n▶ ${title}`));
    out(dim(`  ${name} ${JSON.stringify(args)}`));
    const r = await client.callTool({ name, arguments: args });
    const text = (r.content || [])
      .filter((c) => c.type === 'text')
      .map((c) => c.text)
      .join('\n');
    out(
      text
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    );
    if (Boolean(r.isError) !== expectError) failures++;
    return r;
  }
  /** A call whose output is not printed (a skill's per-issue reads); its structured result. */
  async function quiet(name, args) {
    const r = await client.callTool({ name, arguments: args });
    if (r.isError) failures++;
    return r.structuredContent || {};
  }

  const open = await step('Find an open issue nobody has taken', 'jira_search', {
    jql: 'project = NOVA AND assignee IS EMPTY AND statusCategory != Done ORDER BY priority DESC, key ASC',
    limit: 3,
  });
  const pick = open.structuredContent && open.structuredContent.issues && open.structuredContent.issues[0];
  if (!pick) throw new Error('the sandbox has no open, unassigned NOVA issue to pick up');
  await step(`Pick up ${pick.key} this morning`, 'jira_assign_issue', { issueKey: pick.key, assignee: 'me' });
  const mine = await step('Find my issues updated today', 'jira_search', {
    jql: 'assignee = currentUser() AND updated >= startOfDay() ORDER BY updated DESC',
  });
  const first =
    (mine.structuredContent &&
      mine.structuredContent.issues &&
      mine.structuredContent.issues[0] &&
      mine.structuredContent.issues[0].key) ||
    pick.key;
  await step(`Log 1h 30m on ${first} with a Markdown note`, 'jira_add_worklog', {
    issueKey: first,
    timeSpent: '1h 30m',
    comment: 'Reviewed the **retry** logic and paired on the fix',
  });
  const jonas = sandbox.credentials.users.find((u) => u.displayName === 'Jonas Weber');
  const created = await step(
    'File a bug with custom fields by name (and a panel and a mention in its description)',
    'jira_create_issue',
    {
      project: 'NOVA',
      type: 'Bug',
      summary: 'Login loop on Safari',
      description: [
        '## Summary',
        `Login loops on Safari. [@Jonas Weber](accountid:${jonas.accountId}) saw it first.`,
        '',
        '⟦panel warning⟧',
        '',
        'Affects **all** Safari users.',
        '',
        '⟦/panel⟧',
        '',
        '## Steps',
        '1. Open the app',
        '2. Sign in',
      ].join('\n'),
      fields: {
        Severity: 'Sev 1 - Critical',
        'Affected platform': 'Web > Safari',
        'Story Points': 5,
        Components: ['Backend API'],
        'Fix versions': ['2.5.0'],
        Assignee: 'me',
      },
    },
  );
  const key = (created.structuredContent && created.structuredContent.key) || 'NOVA-1';
  await step('A create that misses a required field says what is needed', 'jira_create_issue', {
    project: 'NOVA',
    type: 'Bug',
    summary: 'No severity given',
  });
  await step(`Move ${key} to In Progress`, 'jira_transition_issue', { issueKey: key, to: 'In Progress' });
  await step('Comment', 'jira_add_comment', {
    issueKey: key,
    body: `Looking into it with [@Jonas Weber](accountid:${jonas.accountId}).`,
  });
  await step('Rewrite only the "Steps" section of the description', 'jira_update_issue', {
    issueKey: key,
    section: 'Steps',
    description: '1. Open the app in Safari 17\n2. Sign in with SSO',
  });
  await step('Read it back: the panel and the mention survived', 'jira_get_issue', { issueKey: key });

  // Documenting the work in Confluence.
  const found = await step("Find the team's running log in Confluence", 'confluence_search', { query: 'running log' });
  const log = (found.structuredContent.results || []).find((r) => r.type === 'page') || {};
  await step('Read only the latest week of it', 'confluence_get_page', {
    pageId: log.id,
    section: 'Week of 2026-11-30',
  });
  const arch = sandbox.site.confluence;
  const parent = [...arch.contents.values()].find((c) => c.title === 'Engineering running log');
  const page = await step('Write up the investigation as a child page of the log', 'confluence_create_page', {
    parentId: parent.id,
    title: `${key}: login loop on Safari`,
    body: [
      '## Summary',
      `Login loops on Safari 17 with SSO. Tracked in ⟦jira ${key}⟧.`,
      '',
      '## Decision',
      'To be decided.',
      '',
      '## Next steps',
      '- [ ] Reproduce on a clean profile',
    ].join('\n'),
  });
  const pageId = page.structuredContent && page.structuredContent.id;
  await step('Update only its "Decision" section (one read, one write)', 'confluence_update_page', {
    pageId,
    section: 'Decision',
    body: `Ship the cookie fix behind a flag; [@Jonas Weber](accountid:${jonas.accountId}) owns it.`,
  });
  await step('Add a line at the end of the running log, without re-sending the page', 'confluence_update_page', {
    pageId: parent.id,
    mode: 'append',
    body: `### ${new Date().toISOString().slice(0, 10)} — investigation of ${key} written up in its own page.`,
  });
  const inline = [...arch.comments.values()].find(
    (c) => c.containerId === parent.id && c.kind === 'inline' && c.inline && c.inline.resolutionStatus === 'open',
  );
  await step('See the open comment threads on the log, with the text they highlight', 'confluence_get_page_comments', {
    pageId: parent.id,
    kind: 'inline',
  });
  await step('Reply to the inline comment', 'confluence_add_comment', {
    parentCommentId: inline.id,
    body: 'Confirmed with product: field-level merge waits for 3.0.',
  });
  await step('Resolve the thread', 'confluence_update_comment', { commentId: inline.id, resolved: true });
  await step('Read the page back: the Jira macro and the task survived', 'confluence_get_page', { pageId });

  // A skill end to end: the day's work above, written up by /document-todays-work.
  const site = String(page.structuredContent.url).replace(/\/wiki\/.*$/, '');
  await skillDemo({ client, step, quiet, out, bold, dim, site });

  await serviceDeskDemo(step, sandbox);

  await client.close();
  await sandbox.close();
  // The "missing required field" step is expected to be an error result; anything else is a failure.
  if (failures !== 1) {
    process.stderr.write(`demo: ${failures} unexpected tool errors\n`);
    process.exitCode = 1;
  } else out(bold('\nDone: every step ran through a real MCP client and the stdio server against the sandbox.'));
}

main().catch((e) => {
  process.stderr.write(`demo failed: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
