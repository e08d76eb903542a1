// Cross-product skills (Jira + Confluence), followed by a scripted agent (no LLM) with the tools
// and arguments the rendered prompt names, against the sandbox; then the end state is checked.
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
    const me = (await agent.step('jira_get_current_user')).structured.name as string;
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
    const site = sb.url;
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
});
