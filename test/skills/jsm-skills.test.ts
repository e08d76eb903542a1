// Service Management skills, followed by a scripted agent (no LLM) with the tools and arguments the
// rendered prompt names, against the sandbox; then the end state is checked — what the customer's
// portal shows, what the wiki holds, what the request kept.
import { startSkillAgent, type SkillAgent } from './support/skill-agent';

type Comment = { id: string; public: boolean; author?: string; created?: string; body: string };
type Request = {
  key: string;
  summary: string;
  serviceDeskId: string;
  status: string;
  statusCategory: string;
  reporter: string;
  requestType: string;
  portalUrl: string;
  fields: { name: string; value: string }[];
  sla: { name: string; state: string }[];
  statusHistory: { status: string; since: string }[];
  comments: Comment[];
};
type Hit = { id: string; title: string; space: string; excerpt: string; url: string };
type Link = { relation: string; key: string; summary: string; status: string };
type PortalComment = { id: string; public: boolean; body: string };

/** The arguments the procedure writes, with its capitalised placeholders filled in. */
const fill = (args: Record<string, unknown>, values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === 'string' && v in values ? values[v] : v]));
const headings = (markdown: string) => [...markdown.matchAll(/^(#{1,6}) (.+)$/gm)].map((m) => `${m[1]} ${m[2]}`);

describe('Service Management skills, followed by a scripted agent against the sandbox', () => {
  let agent: SkillAgent;
  beforeEach(async () => {
    agent = await startSkillAgent();
  });
  afterEach(() => agent.close());

  /** The request's comments as its reporter sees them on the portal (servicedeskapi as the customer). */
  const portalComments = async (key: string, email: string): Promise<PortalComment[]> => {
    const sb = agent.host.sandbox;
    const res = await sb.fetch(`${sb.url}/rest/servicedeskapi/request/${key}/comment`, {
      headers: { authorization: sb.basicAuth(email), accept: 'application/json' },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { values: PortalComment[] }).values;
  };

  it('answer-from-knowledge-base: one public reply citing the KB article, one internal note; the customer sees only the reply', async () => {
    const completion = await agent.host.client.complete({
      ref: { type: 'ref/prompt', name: 'answer-from-knowledge-base' },
      argument: { name: 'request', value: 'ITS-' },
    });
    expect(completion.completion.values).toContain('ITS-9');
    await agent.prompt('answer-from-knowledge-base', { request: 'ITS-9' });
    const read = (await agent.step('servicedesk_get_request', agent.literal('servicedesk_get_request')))
      .structured as unknown as Request;
    expect(read).toMatchObject({ key: 'ITS-9', serviceDeskId: '1', statusCategory: 'NEW' });
    expect(read.comments).toEqual([]);
    const customer = /<([^>]+)>/.exec(read.reporter)![1]!;
    const firstName = read.reporter.split(' ')[0]!;

    // KB: words from the question ("How do I set up the new Zoom Rooms controller?").
    const hits: Hit[] = [];
    for (const words of ['zoom rooms controller', 'zoom setup']) {
      const found = await agent.step(
        'servicedesk_search_knowledge_base',
        fill(agent.literal('servicedesk_search_knowledge_base'), { WORDS: words, DESK: read.serviceDeskId }),
      );
      hits.push(...(found.structured.articles as Hit[]).filter((h) => !hits.some((x) => x.id === h.id)));
    }
    expect(hits.map((h) => [h.title, h.space])).toEqual([['Set up a Zoom Rooms controller', 'ITKB']]);
    const article = hits[0]!;
    const wiki = (
      await agent.step(
        'confluence_search',
        fill(agent.literal('confluence_search'), { WORDS: 'zoom rooms controller' }),
      )
    ).structured.results as { id: string; space: string }[];
    // The KB article is a Confluence page: the wider search finds the same page.
    expect(wiki.map((r) => r.id)).toContain(article.id);
    const page = await agent.step(
      'confluence_get_page',
      fill(agent.literal('confluence_get_page'), { ID: article.id }),
    );
    expect(page.structured).toMatchObject({ title: 'Set up a Zoom Rooms controller', space: 'ITKB' });
    const steps = String(page.structured.body);
    expect(steps).toMatch(/pairing code/);

    // The drafts are shown and the procedure stops; nothing is posted before "yes".
    expect(agent.text).toMatch(/Stop and wait/);
    expect(await portalComments('ITS-9', customer)).toEqual([]);
    const reply = [
      `Hi ${firstName},`,
      '',
      '1. Connect the controller to the room network.',
      '2. Open Zoom Rooms and sign in with the room account on its label.',
      '3. Pair it with the room PC using the code shown on the screen.',
      '',
      `The full guide: [${article.title}](${article.url}). If the controller still does not pair, reply here and we will come by.`,
    ].join('\n');
    const note = `Answered from ITKB "${article.title}" (page ${article.id}); searched "zoom rooms controller", "zoom setup". The article has no screenshots of the pairing screen.`;
    // "Yes": post exactly the approved texts, with the visibility the procedure writes.
    const publicArgs = agent.literal('servicedesk_add_comment', 0);
    const internalArgs = agent.literal('servicedesk_add_comment', 1);
    expect([publicArgs.public, internalArgs.public]).toEqual([true, false]);
    const posted = await agent.step('servicedesk_add_comment', fill(publicArgs, { REPLY: reply }));
    const noted = await agent.step('servicedesk_add_comment', fill(internalArgs, { NOTE: note }));
    expect(posted.text).toMatch(/PUBLIC reply/);
    expect(noted.text).toMatch(/INTERNAL note/);

    // End state: the agents' view holds both, labelled; the customer's portal only the reply.
    const all = (
      await agent.host.rest<{ values: PortalComment[] }>('/rest/servicedeskapi/request/ITS-9/comment?limit=50')
    ).values;
    expect(all.map((c) => c.public)).toEqual([true, false]);
    expect(all[0]!.body).toContain(article.url);
    expect(all[0]!.body).not.toContain('ITKB "');
    expect(all[1]!.body).toContain('searched');
    const seen = await portalComments('ITS-9', customer);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.body).toContain(article.url);
    expect(seen[0]!.body).not.toMatch(/searched|screenshots/);
    // The request is answered, not resolved.
    const after = await agent.step('servicedesk_get_request', agent.literal('servicedesk_get_request'));
    expect(after.structured.statusCategory).not.toBe('DONE');
    expect(agent.unused()).toEqual([]);
  });

  /** The post-mortem's content from what the procedure read (step 3), keyed by section. */
  const postmortem = (site: string, request: Request, comments: Comment[], links: (Link & { assignee?: string })[]) => {
    const timeline = [
      ...request.statusHistory.map((h) => [h.since, `Status: ${h.status}`, '']),
      ...comments.map((c) => [
        c.created!,
        `${c.public ? 'Reply to the reporter' : 'Internal note'}: ${c.body.slice(0, 60)}`,
        c.author!,
      ]),
    ].sort((a, b) => a[0]!.localeCompare(b[0]!));
    const field = (name: RegExp) => request.fields.find((f) => name.test(f.name))?.value ?? '?';
    return {
      Summary: `Incident: [${request.key}](${site}/browse/${request.key}) ${request.summary}\n\nEvery sign-in through Okta looped back to the login page until a configuration change was rolled back.`,
      Impact: `${field(/affected/i)}, urgency ${field(/urgent/i)}. SLAs: ${request.sla.map((s) => `${s.name} ${s.state}`).join(', ')}.`,
      Timeline: ['| Time (UTC) | Event | Who |', '| - | - | - |', ...timeline.map((r) => `| ${r.join(' | ')} |`)].join(
        '\n',
      ),
      'Root cause': 'A session-lifetime change made the day before (rolled back, per the internal note).',
      'Action items': links
        .map(
          (l) => `- [ ] [${l.key}](${site}/browse/${l.key}) ${l.summary} — ${l.status}, ${l.assignee ?? 'unassigned'}`,
        )
        .join('\n'),
    };
  };
  const sectionFor = (heading: string, content: Record<string, string>) =>
    Object.entries(content).find(([k]) => heading.replace(/^#+ /, '').startsWith(k))?.[1] ?? '';

  /** Steps 1–2 of incident-postmortem: the request, all its comments, its linked issues. */
  const readIncident = async () => {
    const request = (await agent.step('servicedesk_get_request', agent.literal('servicedesk_get_request')))
      .structured as unknown as Request;
    const site = request.portalUrl.slice(0, request.portalUrl.indexOf('/servicedesk'));
    const comments = (
      await agent.step('servicedesk_get_request_comments', agent.literal('servicedesk_get_request_comments'))
    ).structured.comments as Comment[];
    const issue = await agent.step('jira_get_issue', agent.literal('jira_get_issue', 0));
    const links = issue.structured.links as Link[];
    const linked: (Link & { assignee?: string })[] = [];
    for (const l of links) {
      const read = await agent.step('jira_get_issue', fill(agent.literal('jira_get_issue', 1), { KEY: l.key }));
      linked.push({ ...l, assignee: read.structured.assignee as string | undefined });
    }
    return { request, site, comments, linked };
  };

  /** What the request looks like to its reporter, to prove the skill wrote nothing there. */
  const customerView = async (key: string) => {
    const sb = agent.host.sandbox;
    const res = await sb.fetch(`${sb.url}/rest/servicedeskapi/request/${key}?expand=status`, {
      headers: { authorization: sb.basicAuth('diego.alvarez@nimbus-works.example'), accept: 'application/json' },
    });
    const body = (await res.json()) as { currentStatus: { status: string } };
    return {
      status: body.currentStatus.status,
      comments: (await portalComments(key, 'diego.alvarez@nimbus-works.example')).length,
    };
  };

  it("incident-postmortem: a page from the space's post-mortem template, its headings kept, linking the request and every linked issue", async () => {
    const before = await customerView('ITS-4');
    await agent.prompt('incident-postmortem', { request: 'ITS-4', space: 'OPS' });
    const { request, site, comments, linked } = await readIncident();
    expect(request).toMatchObject({ key: 'ITS-4', requestType: 'Report a system problem', statusCategory: 'DONE' });
    expect(comments.map((c) => c.public)).toEqual([true, false, true]);
    expect(linked.map((l) => l.key).sort()).toEqual(['OPS-11', 'OPS-25']);

    const title = `Post-mortem: ITS-4 ${request.summary}`;
    expect(agent.literal('confluence_get_page', 0)).toEqual({ spaceKey: 'OPS', title: 'Post-mortem: ITS-4 SUMMARY' });
    expect((await agent.attempt('confluence_get_page', { spaceKey: 'OPS', title })).isError).toBe(true);
    const templates = (await agent.step('confluence_list_templates', agent.literal('confluence_list_templates', 0)))
      .structured.templates as { id: string; name: string; labels?: string[] }[];
    const template = templates.find((t) => /post-?mortem/i.test(`${t.name} ${t.labels?.join(' ')}`))!;
    expect(template.name).toBe('Incident postmortem');

    const created = await agent.step(
      'confluence_create_page_from_template',
      fill(agent.literal('confluence_create_page_from_template'), { ID: template.id, TITLE: title }),
    );
    const pageId = String(created.structured.id);
    const skeleton = await agent.step(
      'confluence_get_page',
      fill(agent.literal('confluence_get_page', 1), { PAGE: pageId }),
    );
    const templateHeadings = headings(String(skeleton.structured.body));
    expect(templateHeadings).toEqual([
      '## Summary',
      '## Impact',
      '## Timeline (UTC)',
      '## Root cause',
      '## Action items',
    ]);
    const content = postmortem(site, request, comments, linked);
    const text = templateHeadings.map((h) => `${h}\n\n${sectionFor(h, content)}`).join('\n\n');
    await agent.step(
      'confluence_update_page',
      fill(agent.literal('confluence_update_page'), {
        PAGE: pageId,
        VERSION: skeleton.structured.version,
        TEXT: text,
      }),
    );
    await agent.step(
      'jira_add_web_link',
      fill(agent.literal('jira_add_web_link'), { PAGE_URL: String(created.structured.url) }),
    );

    // End state: the page is in OPS, with the template's headings in order, linking the request
    // and every linked issue; the timeline has every status change and comment.
    const page = await agent.host.rest<{ spaceId: string; title: string; body: { storage: { value: string } } }>(
      `/wiki/api/v2/pages/${pageId}?body-format=storage`,
    );
    expect(agent.host.sandbox.site.confluence.spaces.get(page.spaceId)!.key).toBe('OPS');
    const storage = page.body.storage.value;
    expect([...storage.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => `## ${m[1]}`)).toEqual(templateHeadings);
    const browsed = new Set([...storage.matchAll(/\/browse\/([A-Z]+-\d+)/g)].map((m) => m[1]));
    expect([...browsed].sort()).toEqual(['ITS-4', 'OPS-11', 'OPS-25']);
    expect(storage.match(/<ac:task>/g)).toHaveLength(2);
    expect((storage.match(/<tr>/g) ?? []).length).toBe(1 + request.statusHistory.length + comments.length);
    const remote = await agent.host.rest<{ object: { url: string; title: string } }[]>(
      '/rest/api/3/issue/ITS-4/remotelink',
    );
    expect(remote.map((r) => r.object.url)).toContain(String(created.structured.url));
    // Nothing reached the customer: no comment, no status change.
    expect(await customerView('ITS-4')).toEqual(before);
    expect(agent.unused(['confluence_create_page'])).toEqual([]);
  });

  it('incident-postmortem: without a post-mortem template, a page with the fixed structure; without a space it asks first', async () => {
    await agent.prompt('incident-postmortem', { request: 'ITS-4', space: 'ENG' });
    const { request, site, comments, linked } = await readIncident();
    const title = `Post-mortem: ITS-4 ${request.summary}`;
    expect((await agent.attempt('confluence_get_page', { spaceKey: 'ENG', title })).isError).toBe(true);
    const lists = [0, 1].map((n) => agent.literal('confluence_list_templates', n));
    expect(lists).toEqual([{ spaceKey: 'ENG' }, {}]);
    const names: string[] = [];
    for (const args of lists)
      for (const t of (await agent.step('confluence_list_templates', args)).structured.templates as {
        name: string;
        labels?: string[];
      }[])
        names.push(`${t.name} ${t.labels?.join(' ') ?? ''}`);
    expect(names.length).toBeGreaterThan(0);
    expect(names.some((n) => /post-?mortem|incident review/i.test(n))).toBe(false);
    const fixed = ['Summary', 'Impact', 'Timeline', 'Root cause', 'Action items'];
    expect(agent.text).toContain(`with the headings ${fixed.slice(0, -1).join(', ')}, ${fixed.at(-1)}`);
    const content = postmortem(site, request, comments, linked);
    const created = await agent.step(
      'confluence_create_page',
      fill(agent.literal('confluence_create_page'), {
        TITLE: title,
        TEXT: fixed.map((h) => `## ${h}\n\n${sectionFor(h, content)}`).join('\n\n'),
      }),
    );
    const page = await agent.host.rest<{ spaceId: string; body: { storage: { value: string } } }>(
      `/wiki/api/v2/pages/${String(created.structured.id)}?body-format=storage`,
    );
    expect(agent.host.sandbox.site.confluence.spaces.get(page.spaceId)!.key).toBe('ENG');
    expect([...page.body.storage.value.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual(fixed);
    expect(page.body.storage.value).toMatch(/\/browse\/ITS-4[\s\S]*\/browse\/OPS-11[\s\S]*\/browse\/OPS-25/);

    const ask = await agent.prompt('incident-postmortem', { request: 'ITS-4' });
    expect(ask).toMatch(/^Write the post-mortem[^\n]*\n\nFirst ask me which Confluence space/);
    expect(ask).toContain('confluence_create_page(spaceKey: "SPACE"');
  });
});
