import { startGenericSite, type GenericSite } from './support/site.js';
import { sampleArgs, type JsonSchema } from './support/schema-args.js';
import { hostile, injectionProblems, poisonSandbox, structuredProblems } from './support/hostile-content.js';
import { samplesFor } from './support/tool-samples.js';

// Issue 11, finding 4: every user-authored string reaching the model is fenced, or neutralised on
// a header line. Every field a user writes holds a fake fence closer (ASCII and look-alikes), a
// newline and an instruction; every tool, resource and prompt of every loaded plugin is then read,
// and no text may let that instruction stand outside a fence, nor any structured string carry a
// fence marker.
jest.setTimeout(240_000);

let site: GenericSite;
beforeAll(async () => {
  site = await startGenericSite();
  poisonSandbox(site.sandbox);
  site.sandbox.loadSnapshot(site.sandbox.snapshot());
});
afterAll(() => site?.close());

type Raw = {
  isError?: boolean;
  content?: Array<{ type: string; text?: string; name?: string; title?: string }>;
  structuredContent?: unknown;
};

function problemsOf(what: string, raw: Raw): string[] {
  const problems: string[] = [];
  for (const c of raw.content ?? []) {
    if (c.type === 'text') problems.push(...injectionProblems(c.text ?? '').map((p) => `${what}: ${p}`));
    if (c.type === 'resource_link')
      problems.push(...structuredProblems({ name: c.name, title: c.title }).map((p) => `${what} link: ${p}`));
  }
  problems.push(...structuredProblems(raw.structuredContent).map((p) => `${what} structured: ${p}`));
  return problems;
}

it('every tool of every plugin fences or neutralises user-authored text (reads first, then writes)', async () => {
  const { mcp, samples } = site;
  // Free text a model might pass (copied from what it read) is as hostile as what Jira holds.
  const values = {
    ...samples,
    summary: `Summary${hostile()}`,
    body: `Body${hostile()}`,
    title: `Title${hostile()}`,
    name: `Name${hostile()}`,
    comment: `Comment${hostile()}`,
    description: `Description${hostile()}`,
    goal: `Goal${hostile()}`,
    include: ['worklogs', 'transitions'],
    comments: 5,
  };
  const listed = (await mcp.client.listTools()).tools;
  const entries = mcp.host.registry.tools.filter((t) => t.pluginId !== 'core');
  const byName = new Map(listed.map((t) => [t.name, t]));
  // Reads first (on the poisoned data), then writes, destructive ones last.
  const order = [...entries].sort(
    (a, b) =>
      Number(!a.meta.readOnly) - Number(!b.meta.readOnly) ||
      Number(!!a.meta.destructive) - Number(!!b.meta.destructive),
  );
  const problems: string[] = [];
  let readsOk = 0;
  for (const entry of order) {
    const tool = byName.get(entry.meta.name);
    if (!tool) {
      problems.push(`${entry.meta.name}: not offered`);
      continue;
    }
    const schema = tool.inputSchema as JsonSchema;
    const own = samplesFor(values, entry.pluginId);
    const args = sampleArgs(
      schema,
      own,
      Object.keys(schema.properties ?? {}).filter((k) => k in own),
    );
    const raw = (await mcp.client.callTool({ name: entry.meta.name, arguments: args })) as Raw;
    if (entry.meta.readOnly) {
      if (raw.isError)
        problems.push(`${entry.meta.name}: the read failed with these samples: ${raw.content?.[0]?.text}`);
      else readsOk++;
    }
    problems.push(...problemsOf(entry.meta.name, raw));
  }
  expect(readsOk).toBeGreaterThan(15);
  expect(problems).toEqual([]);
});

it('every resource and prompt of every plugin fences or neutralises user-authored text', async () => {
  const { mcp, samples } = site;
  site.sandbox.reset();
  poisonSandbox(site.sandbox);
  const problems: string[] = [];
  const { resources } = await mcp.client.listResources();
  for (const r of resources)
    problems.push(...structuredProblems({ name: r.name, title: r.title }).map((p) => `list ${r.uri}: ${p}`));
  const templates = (await mcp.client.listResourceTemplates()).resourceTemplates;
  const uris = new Set<string>();
  // Rendered views (Markdown) are checked; an attachment's bytes are the file itself, passed as they are.
  for (const { uriTemplate } of templates.filter((t) => t.mimeType === 'text/markdown')) {
    uris.add(
      (samples.resourceUris as Record<string, string> | undefined)?.[uriTemplate] ??
        uriTemplate.replace(/\{([^}]+)\}/g, (_, v: string) =>
          String(
            uriTemplate.startsWith('confluence://')
              ? uriTemplate.includes('space')
                ? samples.spaceKey
                : samples.pageId
              : v === 'id'
                ? samples.attachmentId
                : v === 'key' && uriTemplate.includes('project')
                  ? samples.project
                  : samples.issueKey,
          ),
        ),
    );
    const listedHere = resources.filter((r) => r.uri.startsWith(uriTemplate.slice(0, uriTemplate.indexOf('{'))));
    for (const r of listedHere.slice(0, 3)) uris.add(r.uri);
  }
  let read = 0;
  for (const uri of uris) {
    const out = await mcp.client.readResource({ uri }).catch((e: Error) => {
      problems.push(`${uri}: read failed: ${e.message}`);
      return { contents: [] };
    });
    for (const c of out.contents as Array<{ mimeType?: string; text?: string }>) {
      if (c.mimeType !== 'text/markdown' || c.text === undefined) continue;
      read++;
      problems.push(...injectionProblems(c.text).map((p) => `${uri}: ${p}`));
    }
  }
  expect(read).toBeGreaterThan(1);
  const { prompts } = await mcp.client.listPrompts();
  for (const p of prompts) {
    const args = Object.fromEntries(
      (p.arguments ?? []).filter((a) => a.required).map((a) => [a.name, String(samples[a.name] ?? samples.project)]),
    );
    const got = await mcp.client.getPrompt({ name: p.name, arguments: args });
    for (const m of got.messages)
      if (m.content.type === 'text') problems.push(...injectionProblems(m.content.text).map((x) => `${p.name}: ${x}`));
  }
  expect(problems).toEqual([]);
});

it('the reported cases: parent summary, labels and filenames in the header; sprints; versions; resources', async () => {
  const { mcp, sandbox } = site;
  sandbox.reset();
  poisonSandbox(sandbox);
  const jira = sandbox.site.jira;
  const child =
    [...jira.issues.values()].find((i) => i.fields.parent && (jira.attachmentsByIssue.get(i.id)?.length ?? 0) > 0) ??
    [...jira.issues.values()].find((i) => i.fields.parent)!;
  const got = await mcp.call('jira_get_issue', { issueKey: child.key });
  expect(got.isError).toBe(false);
  const header = got.text.slice(0, got.text.indexOf('<untrusted'));
  expect(header).toMatch(/parent \S+ ".*\[\/untrusted/);
  expect(header).toMatch(/labels: .*\[\/untrusted/);
  expect(injectionProblems(got.text)).toEqual([]);
  const board = [...jira.boards.values()][0]!;
  const sprints = await mcp.call('jira_list_sprints', { boardId: board.id, state: ['active', 'future', 'closed'] });
  expect(injectionProblems(sprints.text)).toEqual([]);
  const project = [...jira.projects.values()][0]!;
  const versions = await mcp.call('jira_list_versions', { project: project.key });
  expect(injectionProblems(versions.text)).toEqual([]);
  for (const uri of [`jira://issue/${child.key}`, `jira://project/${project.key}`]) {
    const text = ((await mcp.client.readResource({ uri })).contents[0] as { text: string }).text;
    expect(text).toMatch(/<untrusted [0-9a-f]{6}|\[\/untrusted/);
    expect(injectionProblems(text)).toEqual([]);
  }
});
