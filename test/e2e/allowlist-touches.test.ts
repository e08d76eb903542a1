import { startGenericSite, type GenericSite } from './support/site.js';
import { sampleArgs, type JsonSchema } from './support/schema-args.js';

// Issue 11, finding 3: with `allow.projects: [NOVA]`, OPS was reached through numeric ids, JQL,
// `fields`, boards, epics, versions and attachments. Every tool, resource and prompt of every
// loaded plugin is called with targets in a forbidden project — by key, by numeric id, through
// JQL, through `fields` — and must refuse without any request that names the forbidden target.
jest.setTimeout(300_000);

let site: GenericSite;
let forbidden: Record<string, unknown>;
let markers: string[];
beforeAll(async () => {
  site = await startGenericSite({ config: { allow: { projects: ['NOVA'] } } });
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
  forbidden.byId = ids;
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
      const values = spelling === 'id' ? { ...forbidden, ...(forbidden.byId as object) } : forbidden;
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
      } else if (/\bOPS\b|OPS-\d/.test(JSON.stringify(r.structured ?? {}))) problems.push(`${what}: listed OPS`);
    }
  }
  expect(refused).toBeGreaterThan(60);
  expect(problems).toEqual([]);
});

it('every resource and prompt refuses a forbidden target and lists nothing from it', async () => {
  const { mcp, sent } = site;
  const problems: string[] = [];
  const { resources } = await mcp.client.listResources();
  for (const r of resources) if (/OPS/.test(r.uri)) problems.push(`listed ${r.uri}`);
  const byId = forbidden.byId as { issueKey: string };
  for (const uri of [
    `jira://issue/${forbidden.issueKey}`,
    `jira://issue/${byId.issueKey}`,
    'jira://project/OPS',
    `jira://attachment/${forbidden.attachmentId}`,
  ]) {
    sent.length = 0;
    const error = await mcp.client.readResource({ uri }).then(
      () => 'read',
      (e: Error) => e.message,
    );
    if (!/allowlist/.test(error)) problems.push(`${uri}: ${error}`);
    for (const p of reachedForbidden(sent)) problems.push(`${uri}: sent ${p}`);
  }
  sent.length = 0;
  const prompt = await mcp.client.getPrompt({ name: 'jira_triage', arguments: { project: 'OPS' } }).then(
    () => 'ok',
    (e: Error) => e.message,
  );
  if (!/allowlist/.test(prompt)) problems.push(`jira_triage {project: OPS}: ${prompt}`);
  expect(problems).toEqual([]);
});
