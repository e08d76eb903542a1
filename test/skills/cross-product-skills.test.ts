// Cross-product skills (Jira + Confluence), followed by a scripted agent (no LLM) with the tools
// and arguments the rendered prompt names, against the sandbox; then the end state is checked.
import { fill, pageStorage, pageTitled, type Page } from './support/page-steps';
import { startSkillAgent, type SkillAgent } from './support/skill-agent';

type Issue = { key: string; summary: string; status: string };
type Dated = { author?: string; by?: string; created?: string; started?: string; at?: string };

const withKey = (args: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(args).map(([k, v]) => [k, v === 'KEY' ? key : v]));
const today = () => new Date().toISOString().slice(0, 10);

describe('cross-product skills, followed by a scripted agent against the sandbox', () => {
  let agent: SkillAgent;
  beforeEach(async () => {
    agent = await startSkillAgent();
  });
  afterEach(() => agent.close());

  it('document-todays-work: the page links every issue I touched today and nothing else', async () => {
    const sb = agent.host.sandbox;
    // My day: a transition, a comment, a worklog.
    await agent.host.ok('jira_transition_issue', { issueKey: 'NOVA-37', to: 'In Progress' });
    await agent.host.ok('jira_add_comment', { issueKey: 'MKT-21', body: 'Copy reviewed with legal.' });
    await agent.host.ok('jira_add_worklog', { issueKey: 'NOVA-9', timeSpent: '1h 30m' });
    // Someone else's change today on an issue assigned to me: not my work.
    const other = await sb.fetch(`${sb.url}/rest/api/3/issue/NOVA-41/comment`, {
      method: 'POST',
      headers: { authorization: sb.basicAuth('tom.becker@nimbus-works.example'), 'content-type': 'application/json' },
      body: JSON.stringify({
        body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ping' }] }] },
      }),
    });
    expect(other.status).toBe(201);

    const text = await agent.prompt('document-todays-work', { space: 'ENG' });
    expect(text).not.toMatch(/ask me which Confluence space/);
    const whoami = (await agent.step('jira_get_current_user')).structured;
    const me = whoami.name as string;
    // SITE: the site address jira_get_current_user shows (step 1), as the procedure says.
    expect(text).toMatch(/SITE is the `site` address `jira_get_current_user` shows/);
    const site = whoami.site as string;
    expect(site).toBe(sb.url);
    const candidates = (await agent.step('jira_search', agent.literal('jira_search'))).structured.issues as Issue[];
    expect(candidates.map((c) => c.key)).toEqual(expect.arrayContaining(['NOVA-37', 'MKT-21', 'NOVA-9', 'NOVA-41']));
    const day = today();
    const mineToday = (items: Dated[]) =>
      items.filter((i) => (i.author ?? i.by) === me && (i.created ?? i.started ?? i.at ?? '').startsWith(day));
    const done: { key: string; summary: string; what: string[] }[] = [];
    for (const issue of candidates) {
      const changes = mineToday(
        (await agent.step('jira_get_changelog', withKey(agent.literal('jira_get_changelog'), issue.key))).structured
          .history as Dated[],
      ) as (Dated & { changes: string[] })[];
      const comments = mineToday(
        (await agent.step('jira_list_comments', withKey(agent.literal('jira_list_comments'), issue.key))).structured
          .comments as Dated[],
      );
      const logs = mineToday(
        (await agent.step('jira_list_worklogs', withKey(agent.literal('jira_list_worklogs'), issue.key))).structured
          .worklogs as Dated[],
      ) as (Dated & { timeSpent: string })[];
      const what = [
        ...changes.flatMap((c) => c.changes.map((x) => x.replace(/^status: /, 'moved '))),
        ...(comments.length ? [`commented ${comments.length}×`] : []),
        ...logs.map((l) => `logged ${l.timeSpent}`),
      ];
      if (what.length > 0) done.push({ key: issue.key, summary: issue.summary, what });
    }
    expect(done.map((d) => d.key).sort()).toEqual(['MKT-21', 'NOVA-37', 'NOVA-9']);

    const title = `Work log — ${me} — ${day}`;
    const free = await agent.attempt('confluence_get_page', { ...agent.literal('confluence_get_page'), title });
    expect(free.isError).toBe(true);
    const body = [
      `## ${title}`,
      ...done
        .sort((a, b) => a.key.localeCompare(b.key))
        .map((d) => `- [${d.key}](${site}/browse/${d.key}) ${d.summary} — ${d.what.join('; ')}`),
      '',
      'Total logged: 1h 30m',
    ].join('\n');
    const created = await agent.step('confluence_create_page', {
      ...agent.literal('confluence_create_page'),
      title,
      body,
    });
    const page = await agent.host.rest<{ body: { storage: { value: string } } }>(
      `/wiki/api/v2/pages/${String(created.structured.id)}?body-format=storage`,
    );
    const linked = [...page.body.storage.value.matchAll(/\/browse\/([A-Z]+-\d+)/g)].map((m) => m[1]!);
    expect([...new Set(linked)].sort()).toEqual(['MKT-21', 'NOVA-37', 'NOVA-9']);
    expect(agent.unused(['confluence_update_page'])).toEqual([]);
  });

  it('document-todays-work: appends a dated section to a running log page', async () => {
    await agent.host.ok('jira_add_worklog', { issueKey: 'NOVA-9', timeSpent: '45m' });
    const log = await agent.host.ok('confluence_create_page', {
      spaceKey: 'ENG',
      title: 'Maya running log',
      body: 'Earlier.',
    });
    await agent.prompt('document-todays-work', { space: 'ENG', page: 'Maya running log' });
    const read = await agent.step('confluence_get_page', agent.literal('confluence_get_page'));
    expect(String(read.structured.id)).toBe(String(log.structured.id));
    await agent.step('confluence_update_page', {
      ...agent.literal('confluence_update_page'),
      pageId: String(read.structured.id),
      body: `## Work log — Maya Chen — ${today()}\n- [NOVA-9](${agent.host.sandbox.url}/browse/NOVA-9) logged 45m`,
      message: `Work log ${today()}`,
    });
    const page = await agent.host.rest<{ body: { storage: { value: string } } }>(
      `/wiki/api/v2/pages/${String(log.structured.id)}?body-format=storage`,
    );
    expect(page.body.storage.value).toMatch(/Earlier\.[\s\S]*Work log — Maya Chen[\s\S]*\/browse\/NOVA-9/);
    // Without a space the procedure asks first.
    expect(await agent.prompt('document-todays-work', {})).toMatch(/First ask me which Confluence space/);
  });

  /** release-notes, step by step, with the arguments given; returns the page written and the issues listed. */
  async function releaseNotes(args: { project: string; version: string; space: string; parent?: string }) {
    await agent.prompt('release-notes', args);
    const vars = { SPACE: args.space };
    const versions = (await agent.step('jira_list_versions', agent.literal('jira_list_versions'))).structured
      .versions as { name: string; released?: boolean; releaseDate?: string; description?: string }[];
    const version = versions.find((v) => v.name === args.version)!;
    const search = agent.literal('jira_search');
    const issues: (Issue & { fields: Record<string, string> })[] = [];
    for (let cursor: string | undefined, first = true; first || cursor; first = false) {
      const r = await agent.step('jira_search', { ...search, ...(cursor ? { cursor } : {}) });
      issues.push(...(r.structured.issues as typeof issues));
      cursor = r.structured.nextCursor as string | undefined;
    }
    const space = (await agent.step('confluence_get_space', fill(agent.literal('confluence_get_space'), vars)))
      .structured as { url: string };
    const site = space.url.slice(0, space.url.indexOf('/wiki'));
    const parentId = args.parent
      ? String(
          (await agent.step('confluence_get_page', fill(agent.literal('confluence_get_page', 0), vars))).structured.id,
        )
      : undefined;
    const order = ['Epic', 'Story', 'Improvement', 'Task', 'Bug'];
    const rank = (t: string) => (order.includes(t) ? order.indexOf(t) : order.length);
    const types = [...new Set(issues.map((i) => i.fields['Issue Type']!))].sort((a, b) => rank(a) - rank(b));
    const text = [
      `${version.name} ${version.released ? 'was released on' : 'is planned for'} ${version.releaseDate}. ${version.description ?? ''}`,
      '',
      ...types.flatMap((t) => [
        `## ${t === 'Story' ? 'Stories' : `${t}s`}`,
        '',
        ...issues
          .filter((i) => i.fields['Issue Type'] === t)
          .map(
            (i) => `- [${i.key}](${site}/browse/${i.key}) ${i.summary}${i.status === 'Done' ? '' : ` (${i.status})`}`,
          ),
        '',
      ]),
      '## How this list was made',
      '',
      '```',
      search.jql as string,
      '```',
    ].join('\n');
    const look = (await agent.attempt(
      'confluence_get_page',
      fill(agent.literal('confluence_get_page', args.parent ? 1 : 0), vars),
    )) as unknown as { isError: boolean; structured: Page };
    const written = look.isError
      ? await agent.step('confluence_create_page', {
          ...fill(agent.literal('confluence_create_page'), { ...vars, PARENT_ID: parentId ?? '' }),
          body: text,
        })
      : await agent.step('confluence_update_page', {
          ...fill(agent.literal('confluence_update_page'), { PAGE_ID: String(look.structured.id) }),
          version: look.structured.version,
          body: text,
        });
    return { page: written.structured as { id: string; url: string; title: string }, issues, created: look.isError };
  }

  const versionIssues = async (version: string) =>
    (
      await agent.host.rest<{ issues: { key: string }[] }>(
        `/rest/api/3/search/jql?jql=${encodeURIComponent(`fixVersion = "${version}"`)}&maxResults=100&fields=summary`,
      )
    ).issues
      .map((i) => i.key)
      .sort();

  it("release-notes: a page under the given parent listing exactly the version's issues by type, keys linked, with the JQL", async () => {
    const { page, issues, created } = await releaseNotes({
      project: 'NOVA',
      version: '2.4.0',
      space: 'NOVA',
      parent: 'Release notes',
    });
    expect(created).toBe(true);
    expect(agent.unused(['confluence_update_page'])).toEqual([]);
    expect(page.title).toBe('NOVA 2.4.0 release notes');
    const stored = agent.host.sandbox.site.confluence.contents.get(page.id)!;
    expect(stored.parentId).toBe(pageTitled(agent, /^Release notes$/).id);
    const body = await pageStorage(agent, page.id);
    const linked = [...body.matchAll(/href="[^"]*\/browse\/(NOVA-\d+)"/g)].map((m) => m[1]!);
    expect([...linked].sort()).toEqual(await versionIssues('2.4.0'));
    expect(issues.map((i) => i.key).sort()).toEqual(await versionIssues('2.4.0'));
    // Grouped by type, in the procedure's order, and the JQL shown.
    expect([...body.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual([
      'Stories',
      'Tasks',
      'Bugs',
      'How this list was made',
    ]);
    expect(body).toMatch(
      /<h2>Bugs<\/h2><ul><li><p><a href="[^"]*\/browse\/NOVA-23">NOVA-23<\/a> Checkout total rounds VAT/,
    );
    expect(body).toMatch(
      /<h2>How this list was made<\/h2><ac:structured-macro ac:name="code"[^>]*><ac:plain-text-body><!\[CDATA\[project = NOVA AND fixVersion = "2\.4\.0" ORDER BY issuetype ASC, key ASC\]\]>/,
    );
    expect(body).toMatch(/^<p>2\.4\.0 was released on \d{4}-\d{2}-\d{2}\. New onboarding<\/p>/);
  });

  it('release-notes: a second run updates the same page (one page per title) with the issues added since', async () => {
    const first = await releaseNotes({ project: 'NOVA', version: '2.4.0', space: 'ENG' });
    expect(first.created).toBe(true);
    // An open issue joins the version after the notes were written.
    await agent.host.ok('jira_update_issue', { issueKey: 'NOVA-9', fields: { 'Fix versions': ['2.4.0'] } });
    const second = await releaseNotes({ project: 'NOVA', version: '2.4.0', space: 'ENG' });
    expect(second.created).toBe(false);
    expect(second.page.id).toBe(first.page.id);
    const same = [...agent.host.sandbox.site.confluence.contents.values()].filter(
      (c) => c.title === 'NOVA 2.4.0 release notes',
    );
    expect(same).toHaveLength(1);
    expect(same[0]!.versions).toHaveLength(2);
    const body = await pageStorage(agent, first.page.id);
    expect([...body.matchAll(/\/browse\/(NOVA-\d+)/g)].map((m) => m[1]!).sort()).toEqual(await versionIssues('2.4.0'));
    // Not done yet: its status is shown.
    expect(body).toMatch(/\/browse\/NOVA-9">NOVA-9<\/a> [^<]*\((?!Done)[^)]+\)/);
  });

  it('release-notes asks for the space when none is given, and searches the version the user named', async () => {
    const notes = await agent.prompt('release-notes', { project: 'NOVA', version: '2.5.0' });
    expect(notes).toMatch(/First ask me which Confluence space/);
    expect(agent.literal('jira_search').jql).toBe(
      'project = NOVA AND fixVersion = "2.5.0" ORDER BY issuetype ASC, key ASC',
    );
    // No parent given: the page goes to the top of the space, and no parent is read.
    expect(agent.literal('confluence_create_page')).not.toHaveProperty('parentId');
    expect(agent.literal('confluence_get_page')).toEqual({ spaceKey: 'SPACE', title: 'NOVA 2.5.0 release notes' });
  });
});
