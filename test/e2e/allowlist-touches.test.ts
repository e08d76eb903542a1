import { DEFAULT_SKILL_DIR, readSkillDir } from '@atlassian-mcp/core/host';
import { startGenericSite, type GenericSite } from './support/site.js';
import { sampleArgs, type JsonSchema } from './support/schema-args.js';
import { samplesFor } from './support/tool-samples.js';

// Issue 11, finding 3: with `allow.projects: [NOVA]`, OPS was reached through numeric ids, JQL,
// `fields`, boards, epics, versions and attachments. Every tool, resource and prompt of every
// loaded plugin is called with targets in a forbidden project — by key, by numeric id, through
// JQL, through `fields` — and must refuse without any request that names the forbidden target.
// Confluence likewise with `allow.spaces: [ENG]` and targets in the OPS space (by id and by URL).
jest.setTimeout(300_000);

let site: GenericSite;
let forbidden: Record<string, unknown>;
let markers: string[];
let wikiMarkers: Set<string>;

/** Confluence targets in the OPS space (allowed: ENG): ids, URL forms, and what a request must not name. */
function forbiddenWiki(generic: GenericSite) {
  const c = generic.sandbox.site.confluence;
  const ops = [...c.spaces.values()].find((s) => s.key === 'OPS')!;
  const pages = [...c.contents.values()].filter((p) => p.spaceId === ops.id);
  const ids = new Set(pages.map((p) => p.id));
  const comments = [...c.comments.values()].filter((x) => ids.has(x.containerId));
  const attachments = [...c.attachments.values()].filter((x) => ids.has(x.containerId));
  const [page, other] = pages.filter((p) => p.type === 'page' && p.status === 'current' && p.id !== ops.homepageId);
  const template = [...c.templates.values()].find((t) => t.spaceKey === 'OPS')!;
  const url = generic.sandbox.siteUrl;
  return {
    byKey: {
      pageId: page!.id,
      parentId: other!.id,
      targetId: other!.id,
      spaceKey: 'OPS',
      commentId: comments[0]!.id,
      parentCommentId: comments[0]!.id,
      attachmentId: attachments[0]!.id,
      templateId: template.templateId,
    },
    byId: {
      pageId: `${url}/wiki/spaces/OPS/pages/${page!.id}/x`,
      parentId: `${url}/wiki/pages/viewpage.action?pageId=${other!.id}`,
      targetId: `${url}/wiki/display/OPS/${encodeURIComponent(other!.title)}`,
      spaceKey: ops.id,
      attachmentId: attachments[0]!.id.replace(/^att/, ''),
    },
    markers: new Set([
      ops.id,
      ...ids,
      ...comments.map((x) => x.id),
      ...attachments.flatMap((x) => [x.id, x.id.replace(/^att/, '')]),
      template.templateId,
    ]),
  };
}
beforeAll(async () => {
  site = await startGenericSite({ config: { allow: { projects: ['NOVA'], spaces: ['ENG'] } } });
  const jira = site.sandbox.site.jira;
  const ops = jira.projectsByKey.get('OPS')!;
  const issues = [...jira.issues.values()].filter((i) => i.fields.project === ops.id);
  const epic = issues.find((i) => jira.issueTypes.get(i.fields.issuetype)?.name === 'Epic') ?? issues[0]!;
  const board = [...jira.boards.values()].find((b) => b.projectId === ops.id)!;
  // The seed's OPS board is kanban (no sprints): a sprint id no allowed board has stands in for one.
  const sprint = [...jira.sprints.values()].find((s) => s.originBoardId === board.id) ?? { id: 9999 };
  const version = [...jira.versions.values()].find((v) => v.projectId === ops.id)!;
  const attachment = [...jira.attachments.values()].find((a) => issues.some((i) => i.id === a.issueId))!;
  const [a, b] = issues;
  forbidden = {
    ...site.samples,
    issueKey: a!.key,
    otherKey: b!.key,
    issueKeys: [a!.key],
    issues: [a!.key],
    before: b!.key,
    after: b!.key,
    epic: epic.key,
    parent: a!.key,
    project: 'OPS',
    projectKey: 'OPS',
    boardId: board.id,
    sprintId: sprint.id,
    versionId: version.id,
    attachmentId: attachment.id,
    jql: 'summary ~ "x" ) OR ( project = OPS',
    fields: { project: 'OPS', parent: a!.key },
  };
  const ids = { issueKey: a!.id, otherKey: b!.id, issueKeys: [a!.id], issues: [a!.id], parent: a!.id };
  const wiki = forbiddenWiki(site);
  forbidden.byPlugin = { confluence: wiki.byKey };
  forbidden.byId = { ...ids, byPlugin: { confluence: { ...wiki.byKey, ...wiki.byId } } };
  wikiMarkers = wiki.markers;
  // A request names the forbidden project if its path holds one of these segments.
  markers = [
    'OPS',
    ...issues.flatMap((i) => [i.key, i.id]),
    `board/${board.id}`,
    `sprint/${sprint.id}`,
    `version/${version.id}`,
    `attachment/${attachment.id}`,
    `attachment/content/${attachment.id}`,
  ];
});
afterAll(() => site?.close());

function reachedForbidden(sent: GenericSite['sent']): string[] {
  const out: string[] = [];
  for (const s of sent) {
    const url = new URL(s.url);
    const path = decodeURIComponent(url.pathname);
    const hit = markers.find((m) => path.split('/').includes(m) || path.includes(`/${m}/`) || path.endsWith(`/${m}`));
    if (hit) out.push(`${s.method} ${path}`);
    const jql = url.searchParams.get('jql');
    if (jql !== null && !jql.startsWith('project in ("NOVA")'))
      out.push(`${s.method} ${path} with unconfined jql ${jql}`);
    if (!path.startsWith('/wiki/')) continue;
    if (path.split('/').some((seg) => wikiMarkers.has(seg))) out.push(`${s.method} ${path}`);
    for (const [name, value] of url.searchParams) {
      if (name === 'cql') {
        if (path !== '/wiki/rest/api/search/user' && !value.startsWith('space in ("ENG")'))
          out.push(`${s.method} ${path} with unconfined cql ${value}`);
      } else if (value.split(',').some((v) => wikiMarkers.has(v) || v === 'OPS'))
        out.push(`${s.method} ${path}?${name}=${value}`);
    }
  }
  return out;
}

it('every tool refuses targets in a forbidden project (by key, by id, through JQL and fields), sending nothing to it', async () => {
  const { mcp, sent, sandbox } = site;
  const listed = new Map((await mcp.client.listTools()).tools.map((t) => [t.name, t]));
  const entries = mcp.host.registry.tools.filter((t) => t.pluginId !== 'core');
  const problems: string[] = [];
  let refused = 0;
  for (const entry of entries) {
    const schema = listed.get(entry.meta.name)!.inputSchema as JsonSchema;
    const props = Object.keys(schema.properties ?? {});
    for (const spelling of ['key', 'id'] as const) {
      const values = samplesFor(
        spelling === 'id' ? { ...forbidden, ...(forbidden.byId as object) } : forbidden,
        entry.pluginId,
      );
      const args = sampleArgs(
        schema,
        values,
        props.filter((p) => p in values && p !== 'byId'),
      );
      sandbox.reset();
      sent.length = 0;
      const r = await mcp.call(entry.meta.name, args);
      const what = `${entry.meta.name} (${spelling}) ${JSON.stringify(args).slice(0, 120)}`;
      for (const p of reachedForbidden(sent)) problems.push(`${what}: sent ${p}`);
      const names = Object.keys(entry.meta.targets ?? {});
      if (names.length > 0) {
        if (!r.isError) problems.push(`${what}: accepted`);
        else refused++;
      } else if (listsForbidden(entry.pluginId, r.structured)) problems.push(`${what}: listed OPS`);
    }
  }
  expect(refused).toBeGreaterThan(60);
  expect(problems).toEqual([]);
});

/** A result of a tool without targets (a list, a search) that shows something of the forbidden container. */
function listsForbidden(pluginId: string, structured: unknown): boolean {
  const json = JSON.stringify(structured ?? {});
  // Confluence text may mention Jira's OPS issues; what must not appear is the OPS space's content.
  if (pluginId === 'confluence')
    return /"(space|key)":"OPS"/.test(json) || [...json.matchAll(/"id":"(\w+)"/g)].some((m) => wikiMarkers.has(m[1]!));
  return /\bOPS\b|OPS-\d/.test(json);
}

it('every resource and prompt refuses a forbidden target and lists nothing from it', async () => {
  const { mcp, sent } = site;
  const problems: string[] = [];
  const { resources } = await mcp.client.listResources();
  for (const r of resources)
    if (/OPS/.test(r.uri) || wikiMarkers.has(r.uri.split('/').pop()!)) problems.push(`listed ${r.uri}`);
  const wiki = (forbidden.byPlugin as { confluence: Record<string, string> }).confluence;
  const byId = forbidden.byId as { issueKey: string };
  for (const uri of [
    `jira://issue/${forbidden.issueKey}`,
    `jira://issue/${byId.issueKey}`,
    'jira://project/OPS',
    `jira://sprint/${String(forbidden.sprintId)}`,
    `jira://attachment/${forbidden.attachmentId}`,
    `confluence://page/${wiki.pageId}`,
    'confluence://space/OPS',
    `confluence://attachment/${wiki.attachmentId}`,
  ]) {
    sent.length = 0;
    const error = await mcp.client.readResource({ uri }).then(
      () => 'read',
      (e: Error) => e.message,
    );
    if (!/allowlist/.test(error)) problems.push(`${uri}: ${error}`);
    for (const p of reachedForbidden(sent)) problems.push(`${uri}: sent ${p}`);
  }
  // Prompts: every skill argument completed from a resource template names what that template
  // names; a forbidden one is refused before the procedure is handed out.
  const outside: Record<string, string> = {
    'jira://project/{key}': 'OPS',
    'jira://issue/{key}': String(forbidden.issueKey),
    'jira://sprint/{id}': String(forbidden.sprintId),
    'confluence://space/{key}': 'OPS',
    'servicedesk://desk/{id}': 'ITS',
    'servicedesk://request/{key}': 'ITS-1',
    'confluence://page/{id}': wiki.pageId!,
  };
  // A required argument other than the one tried gets an allowed value.
  const c = site.sandbox.site.confluence;
  const eng = [...c.spaces.values()].find((x) => x.key === 'ENG')!;
  const engPage = [...c.contents.values()].find(
    (p) => p.spaceId === eng.id && p.type === 'page' && p.status === 'current',
  )!;
  const allowed: Record<string, string> = {
    'jira://issue/{key}': 'NOVA-1',
    'servicedesk://request/{key}': 'NOVA-1',
    'confluence://page/{id}': engPage.id,
  };
  const offered = new Set((await mcp.client.listPrompts()).prompts.map((p) => p.name));
  let refusedPrompts = 0;
  for (const skill of readSkillDir(DEFAULT_SKILL_DIR).filter((x) => offered.has(x.name)))
    for (const arg of skill.arguments.filter((a) => a.complete && outside[a.complete])) {
      const args = Object.fromEntries(skill.arguments.filter((a) => a.required).map((a) => [a.name, 'x']));
      for (const a of skill.arguments.filter((x) => x.required && x.complete))
        args[a.name] = allowed[a.complete!] ?? 'NOVA';
      args[arg.name] = outside[arg.complete!]!;
      sent.length = 0;
      const error = await mcp.client.getPrompt({ name: skill.name, arguments: args }).then(
        () => 'served',
        (e: Error) => e.message,
      );
      if (!/allowlist/.test(error)) problems.push(`${skill.name} ${JSON.stringify(args)}: ${error}`);
      else refusedPrompts++;
      for (const p of reachedForbidden(sent)) problems.push(`${skill.name} ${arg.name}: sent ${p}`);
    }
  expect(refusedPrompts).toBeGreaterThan(5);
  expect(problems).toEqual([]);
});
