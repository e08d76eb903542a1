// Confluence ⇄ Jira skills, each followed by a scripted agent (no LLM) with the tools and the
// literal arguments the rendered prompt names — placeholders such as PROJECT or PAGE_TITLE filled
// in the way the procedure says — against the sandbox; then the end state is checked.
import { fill, pageStorage, pageTitled, sectionOf, type Page } from './support/page-steps';
import { startSkillAgent, type SkillAgent } from './support/skill-agent';

type Issue = { key: string; summary: string; status: string; assignee?: string };
type RestIssue = {
  key: string;
  fields: {
    summary: string;
    issuetype: { name: string };
    assignee: { accountId: string } | null;
    duedate: string | null;
    description: unknown;
  };
};

/** Step 2 of meeting-notes-to-tasks: the open task items, with owner, due date and any issue they have. */
function openActionItems(markdown: string) {
  return markdown
    .split('\n')
    .filter((l) => l.startsWith('- [ ] '))
    .map((line) => {
      const text = line.slice(6);
      return {
        line,
        summary: text
          .replace(/⟦[^⟧]*⟧/g, '')
          .replace(/\[[^\]]*\]\([^)]*\)/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
        owner: /⟦@([^⟧^]+)/.exec(text)?.[1],
        due: /⟦date (\d{4}-\d{2}-\d{2})/.exec(text)?.[1],
        key: (/⟦jira ([A-Z][A-Z0-9]+-\d+)/.exec(text) ?? /\/browse\/([A-Z][A-Z0-9]+-\d+)/.exec(text))?.[1],
      };
    });
}

describe('Confluence skills, followed by a scripted agent against the sandbox', () => {
  let agent: SkillAgent;
  beforeEach(async () => {
    agent = await startSkillAgent();
  });
  afterEach(() => agent.close());

  const issuesFrom = async (title: string) =>
    (
      await agent.host.rest<{ issues: RestIssue[] }>(
        `/rest/api/3/search/jql?jql=${encodeURIComponent(`description ~ "${title}" ORDER BY key ASC`)}&fields=summary,issuetype,assignee,duedate,description`,
      )
    ).issues;

  /**
   * meeting-notes-to-tasks, step by step; `stopAfter` ends the run after that many issues are
   * created (a session that ended before linking them back).
   */
  async function meetingNotesToTasks(pageId: string, stopAfter = Infinity) {
    await agent.prompt('meeting-notes-to-tasks', { page: pageId, project: 'NOVA' });
    const read = (await agent.step('confluence_get_page', agent.literal('confluence_get_page'))).structured as Page;
    const page = {
      PAGE_ID: String(read.id),
      PAGE_TITLE: read.title,
      PAGE_LINK: read.url,
      PROJECT: 'NOVA',
      TITLE_WORDS: read.title.replace(/[^\p{L}\p{N}]+/gu, ' ').trim(),
    };
    const site = read.url.slice(0, read.url.indexOf('/wiki'));
    const items = openActionItems(read.body);
    const earlier = (await agent.step('jira_search', fill(agent.literal('jira_search'), page))).structured
      .issues as Issue[];
    const found = items.filter((i) => !i.key && earlier.some((e) => e.summary === i.summary));
    for (const item of found) item.key = earlier.find((e) => e.summary === item.summary)!.key;
    const todo = items.filter((i) => !i.key);
    const accountIds = new Map<string, string | undefined>();
    for (const owner of new Set(todo.flatMap((i) => (i.owner ? [i.owner] : [])))) {
      const users = (
        await agent.step('jira_search_users', fill(agent.literal('jira_search_users'), { ...page, NAME: owner }))
      ).structured.users as { accountId: string; name: string }[];
      const exact = users.filter((u) => u.name === owner);
      accountIds.set(owner, exact.length === 1 ? exact[0]!.accountId : undefined);
    }
    const created: typeof items = [];
    for (const item of todo) {
      if (created.length >= stopAfter) return { items, created, found };
      const args = fill(agent.literal('jira_create_issue'), { ...page, SUMMARY: item.summary });
      const fields = args.fields as Record<string, string>;
      const assignee = item.owner && accountIds.get(item.owner);
      if (assignee) fields.Assignee = assignee;
      else delete fields.Assignee;
      if (item.due) fields['Due date'] = item.due;
      else delete fields['Due date'];
      item.key = (await agent.step('jira_create_issue', args)).structured.key as string;
      created.push(item);
      await agent.step('jira_add_web_link', fill(agent.literal('jira_add_web_link'), { ...page, KEY: item.key }));
    }
    const linked = [...created, ...found];
    if (linked.length > 0) {
      // The items sit under one heading: that section, as read, with each key after its item.
      const heading = read.body
        .slice(0, read.body.indexOf(linked[0]!.line))
        .split('\n')
        .filter((l) => l.startsWith('## '))
        .at(-1)!
        .slice(3);
      const section = sectionOf(read.body, heading)
        .split('\n')
        .map((l) => {
          const item = linked.find((i) => i.line === l);
          return item ? `${l} [${item.key}](${site}/browse/${item.key})` : l;
        })
        .join('\n');
      await agent.step(
        'confluence_update_page',
        fill(agent.literal('confluence_update_page', 0), { ...page, HEADING: heading, SECTION: section }),
      );
    }
    return { items, created, found };
  }

  it('meeting-notes-to-tasks: exactly the open action items become issues with owners and due dates, linked both ways; a second run creates nothing', async () => {
    const sb = agent.host.sandbox;
    const notes = pageTitled(agent, /^\d{4}-\d{2}-\d{2} Engineering sync$/);
    const before = await pageStorage(agent, notes.id);
    const { items, created } = await meetingNotesToTasks(notes.id);
    expect(agent.unused()).toEqual([]);

    // Five open items, one of them already linked to NOVA-48; the done one is not an action.
    expect(items.map((i) => i.summary)).toHaveLength(5);
    expect(items.find((i) => i.key === 'NOVA-48')?.summary).toBe('Verify the search flicker fix on Android');
    const person = (name: string) => sb.credentials.users.find((u) => u.displayName === name)!.accountId;
    const issues = await issuesFrom(notes.title);
    expect(issues.map((i) => i.key).sort()).toEqual(created.map((c) => c.key).sort());
    const byKey = new Map(issues.map((i) => [i.key, i]));
    const got = created.map((c) => {
      const f = byKey.get(c.key!)!.fields;
      return [f.summary, f.issuetype.name, f.assignee?.accountId ?? null, f.duedate];
    });
    const due = (text: string) => items.find((i) => i.summary.startsWith(text))!.due;
    expect(got).toEqual([
      ['Write the 2.5.0 rollout plan', 'Task', person('Priya Raman'), due('Write')],
      ['Load-test the new checkout API at three times peak traffic', 'Task', person('Jonas Weber'), due('Load')],
      // Grace Kim cannot be assigned in NOVA: the issue is created unassigned, with its due date.
      ['Final copy for the checkout error messages', 'Task', null, due('Final')],
      ['Collect feedback from the beta merchants', 'Task', null, null],
    ]);
    expect(created.every((c) => c.due === undefined || /^\d{4}-\d{2}-\d{2}$/.test(c.due))).toBe(true);
    for (const c of created) {
      expect(JSON.stringify(byKey.get(c.key!)!.fields.description)).toContain(`/wiki/x/`);
      const links = await agent.host.rest<{ object: { url: string; title: string } }[]>(
        `/rest/api/3/issue/${c.key}/remotelink`,
      );
      expect(links.map((l) => l.object.title)).toEqual([notes.title]);
    }

    // The page links each new issue inside its own task item, and nothing else on it changed.
    const after = await pageStorage(agent, notes.id);
    for (const c of created)
      expect(after).toMatch(new RegExp(`${c.summary}[^]*?/browse/${c.key}">${c.key}</a></ac:task-body>`));
    expect(after.replace(/ <a href="[^"]*\/browse\/NOVA-\d+">NOVA-\d+<\/a>/g, '')).toBe(before);

    // A second run finds every item linked: nothing is created and the page is not edited again.
    const version = sb.site.confluence.contents.get(notes.id)!.versions.length;
    const again = await meetingNotesToTasks(notes.id);
    expect(again.created).toEqual([]);
    expect((await issuesFrom(notes.title)).length).toBe(created.length);
    expect(sb.site.confluence.contents.get(notes.id)!.versions.length).toBe(version);
  });

  it('meeting-notes-to-tasks: after a run that stopped before linking, the issue it made is found and linked, not made twice', async () => {
    const notes = pageTitled(agent, /^\d{4}-\d{2}-\d{2} Engineering sync$/);
    const first = await meetingNotesToTasks(notes.id, 1);
    expect(first.created).toHaveLength(1);
    expect(await pageStorage(agent, notes.id)).not.toMatch(/\/browse\//);

    const second = await meetingNotesToTasks(notes.id);
    expect(second.found.map((f) => f.key)).toEqual([first.created[0]!.key]);
    expect(second.created).toHaveLength(3);
    const issues = await issuesFrom(notes.title);
    expect(issues).toHaveLength(4);
    expect(new Set(issues.map((i) => i.fields.summary)).size).toBe(4);
    const page = await pageStorage(agent, notes.id);
    for (const i of issues) expect(page).toContain(`/browse/${i.key}">${i.key}</a></ac:task-body>`);
  });

  /** spec-to-backlog, step by step: the requirements are the `###` sections under "Requirements". */
  async function specToBacklog(pageId: string) {
    await agent.prompt('spec-to-backlog', { page: pageId, project: 'NOVA' });
    const read = (await agent.step('confluence_get_page', agent.literal('confluence_get_page'))).structured as Page;
    const page = {
      PAGE_ID: String(read.id),
      PAGE_TITLE: read.title,
      PAGE_LINK: read.url,
      PROJECT: 'NOVA',
      TITLE_WORDS: read.title.replace(/[^\p{L}\p{N}]+/gu, ' ').trim(),
    };
    const site = read.url.slice(0, read.url.indexOf('/wiki'));
    const earlier = (await agent.step('jira_search', fill(agent.literal('jira_search'), page))).structured
      .issues as Issue[];
    const epicFields = await agent.step(
      'jira_get_create_fields',
      fill(agent.literal('jira_get_create_fields', 0), page),
    );
    const storyFields = await agent.step(
      'jira_get_create_fields',
      fill(agent.literal('jira_get_create_fields', 1), page),
    );
    expect(epicFields.text).toMatch(/NOVA Epic/);
    const criteriaField = /Acceptance criteria/.test(storyFields.text);
    const requirements = sectionOf(read.body, 'Requirements')
      .split(/^### /m)
      .slice(1)
      .map((part) => {
        const [heading, ...rest] = part.split('\n');
        const lines = rest.filter((l) => l.trim() !== '');
        return {
          summary: heading!.trim(),
          sentence: lines.find((l) => !l.startsWith('- '))!,
          criteria: lines.filter((l) => l.startsWith('- ')),
        };
      });
    const epicSummary = read.title.replace(/^[^:]*:\s*/, '');
    const known = (summary: string) => earlier.find((e) => e.summary === summary)?.key;
    const created: string[] = [];
    let epicKey = known(epicSummary);
    if (!epicKey) {
      const overview = `${sectionOf(read.body, 'Problem')} ${sectionOf(read.body, 'Goals').replace(/^- /gm, '')}`;
      epicKey = (
        await agent.step(
          'jira_create_issue',
          fill(agent.literal('jira_create_issue', 0), { ...page, EPIC: epicSummary, OVERVIEW: overview }),
        )
      ).structured.key as string;
      created.push(epicKey);
    }
    const stories: { key: string; summary: string }[] = [];
    for (const r of requirements.filter((x) => !known(x.summary))) {
      const args = fill(agent.literal('jira_create_issue', 1), {
        ...page,
        EPIC_KEY: epicKey,
        STORY: r.summary,
        SENTENCE: r.sentence,
        CRITERIA: r.criteria.join('\n'),
      });
      if (!criteriaField) delete args.fields;
      const key = (await agent.step('jira_create_issue', args)).structured.key as string;
      created.push(key);
      stories.push({ key, summary: r.summary });
    }
    for (const key of created)
      await agent.step('jira_add_web_link', fill(agent.literal('jira_add_web_link'), { ...page, KEY: key }));
    if (created.length > 0) {
      const lines = [
        ...(created.includes(epicKey) ? [`- [${epicKey}](${site}/browse/${epicKey}) ${epicSummary}`] : []),
        ...stories.map((s) => `  - [${s.key}](${site}/browse/${s.key}) ${s.summary}`),
      ].join('\n');
      if (/^## Backlog$/m.test(read.body))
        await agent.step(
          'confluence_update_page',
          fill(agent.literal('confluence_update_page', 1), {
            ...page,
            SECTION: `${sectionOf(read.body, 'Backlog')}\n${lines}`,
          }),
        );
      else {
        const args = agent.literal('confluence_update_page', 0);
        await agent.step('confluence_update_page', { ...fill(args, page), body: `## Backlog\n\n${lines}` });
      }
    }
    return { requirements, epicKey, stories, created };
  }

  it('spec-to-backlog: an epic and one story per requirement with its acceptance criteria, linked both ways; a second run creates nothing', async () => {
    const spec = pageTitled(agent, /^Spec: Order export$/);
    const before = await pageStorage(agent, spec.id);
    const { requirements, epicKey, stories, created } = await specToBacklog(spec.id);
    expect(agent.unused()).toEqual([]);
    expect(requirements.map((r) => r.summary)).toEqual([
      'Export orders as CSV',
      'Schedule a monthly export',
      'Export from the mobile app',
    ]);
    expect(created).toHaveLength(4);

    type Fields = RestIssue['fields'] & { parent?: { key: string }; customfield_10043?: unknown };
    const get = (key: string) =>
      agent.host.rest<{ fields: Fields }>(`/rest/api/3/issue/${key}?fields=summary,issuetype,parent,customfield_10043`);
    const epic = await get(epicKey);
    expect([epic.fields.summary, epic.fields.issuetype.name]).toEqual(['Order export', 'Epic']);
    for (const [n, story] of stories.entries()) {
      const f = (await get(story.key)).fields;
      expect([f.summary, f.issuetype.name, f.parent?.key]).toEqual([requirements[n]!.summary, 'Story', epicKey]);
      // Exactly the requirement's own criteria: nothing invented, nothing from the non-goals.
      const criteria = [...JSON.stringify(f.customfield_10043).matchAll(/"text":"([^"]*)"/g)].map((m) => m[1]);
      expect(criteria).toEqual(requirements[n]!.criteria.map((c) => c.slice(2)));
    }
    for (const key of created) {
      const links = await agent.host.rest<{ object: { title: string } }[]>(`/rest/api/3/issue/${key}/remotelink`);
      expect(links.map((l) => l.object.title)).toEqual(['Spec: Order export']);
    }
    expect((await issuesFrom('Spec: Order export')).map((i) => i.key).sort()).toEqual([...created].sort());

    // The page keeps everything it had and ends with a Backlog section listing every key.
    const after = await pageStorage(agent, spec.id);
    expect(after.startsWith(before)).toBe(true);
    const backlog = after.slice(before.length);
    expect(backlog).toMatch(/^<h2>Backlog<\/h2>/);
    expect([...backlog.matchAll(/\/browse\/(NOVA-\d+)/g)].map((m) => m[1])).toEqual(created);

    // Run again: everything is in the backlog already.
    const version = agent.host.sandbox.site.confluence.contents.get(spec.id)!.versions.length;
    expect((await specToBacklog(spec.id)).created).toEqual([]);
    expect(agent.host.sandbox.site.confluence.contents.get(spec.id)!.versions.length).toBe(version);
  });

  it('spec-to-backlog: when the spec gains a requirement, the next run adds only its story, under the same epic, to the Backlog section', async () => {
    const spec = pageTitled(agent, /^Spec: Order export$/);
    const first = await specToBacklog(spec.id);
    // The product manager adds a requirement after the first breakdown.
    await agent.host.ok('confluence_update_page', {
      pageId: spec.id,
      section: 'Requirements',
      mode: 'append',
      body: '### Export refunds\n\nAs a merchant I want refunds in the export so that my books balance.\n\n- Refunds appear as their own rows with a negative total',
    });
    const second = await specToBacklog(spec.id);
    expect(second.epicKey).toBe(first.epicKey);
    expect(second.stories.map((s) => s.summary)).toEqual(['Export refunds']);
    const story = await agent.host.rest<{ fields: { parent: { key: string }; customfield_10043: unknown } }>(
      `/rest/api/3/issue/${second.stories[0]!.key}?fields=parent,customfield_10043`,
    );
    expect(story.fields.parent.key).toBe(first.epicKey);
    expect(JSON.stringify(story.fields.customfield_10043)).toContain('negative total');
    const page = await pageStorage(agent, spec.id);
    expect(page.match(/<h2>Backlog<\/h2>/g)).toHaveLength(1);
    const keys = [...page.slice(page.indexOf('<h2>Backlog</h2>')).matchAll(/\/browse\/(NOVA-\d+)/g)].map((m) => m[1]);
    expect(keys).toEqual([...first.created, second.stories[0]!.key]);
  });

  it('each asks for the project when none is given, and reads the page the user named', async () => {
    expect(await agent.prompt('meeting-notes-to-tasks', { page: '12345' })).toMatch(/First ask me which Jira project/);
    expect(agent.literal('confluence_get_page')).toEqual({ pageId: '12345' });
    expect(await agent.prompt('spec-to-backlog', { page: '12345' })).toMatch(/First ask me which Jira project/);
    expect(agent.literal('confluence_get_page')).toEqual({ pageId: '12345' });
  });
});
