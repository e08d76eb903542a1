import { malformedUrl, startGenericSite, type GenericSite } from './support/site.js';
import { sampleArgs, stringProperties, type JsonSchema } from './support/schema-args.js';

// Issue 11, finding 2: `jira_delete_comment {commentId: ".."}` deleted the whole issue. Every
// string argument of every tool of every loaded plugin gets hostile path values; nothing that
// leaves the process may have a malformed path, and an argument that names something in a URL
// path (an id) must be refused with an input error before any request.
jest.setTimeout(240_000);

const HOSTILE = ['.', '..', '%2e%2e', '/', '?', '#', '\ud800', 'x/../..'];
const ID_NAME = /^(id|key)$|(Id|Key|Ids|Keys)$/;

let site: GenericSite;
beforeAll(async () => {
  site = await startGenericSite();
});
afterAll(() => site?.close());

function segmentsOf(url: string): string[] {
  return new URL(url).pathname.split('/');
}

it('no id argument walks the URL path, in any tool of any plugin', async () => {
  const { mcp, sandbox, samples, sent } = site;
  const listed = new Map((await mcp.client.listTools()).tools.map((t) => [t.name, t]));
  const entries = mcp.host.registry.tools.filter((t) => t.pluginId !== 'core');
  expect(entries.length).toBeGreaterThan(20);
  const problems: string[] = [];
  const idArgs: string[] = [];
  for (const entry of entries) {
    const tool = listed.get(entry.meta.name);
    if (!tool) {
      problems.push(`${entry.meta.name}: not offered`);
      continue;
    }
    const schema = tool.inputSchema as JsonSchema;
    for (const prop of stringProperties(schema)) {
      const base = sampleArgs(schema, samples, [prop.name]);
      const canary = prop.array ? (base[prop.name] as unknown[])[0] : base[prop.name];
      sandbox.reset();
      sent.length = 0;
      await mcp.call(entry.meta.name, base);
      const reached = sent.some((s) => segmentsOf(s.url).includes(encodeURIComponent(String(canary))));
      const isId = reached || ID_NAME.test(prop.name);
      if (isId) idArgs.push(`${entry.meta.name}.${prop.name}`);
      for (const bad of HOSTILE) {
        if (!entry.meta.readOnly) sandbox.reset();
        sent.length = 0;
        const r = await mcp.call(entry.meta.name, { ...base, [prop.name]: prop.array ? [bad] : bad });
        const what = `${entry.meta.name} {${prop.name}: ${JSON.stringify(bad)}}`;
        if (/Error \(internal\)/.test(r.text)) problems.push(`${what}: internal error`);
        for (const s of sent) {
          const why = malformedUrl(s.url);
          if (why) problems.push(`${what}: sent ${s.method} with ${why}`);
        }
        if (isId && sent.length > 0)
          problems.push(
            `${what}: ${sent.length} request(s) left, first ${sent[0]!.method} ${new URL(sent[0]!.url).pathname}`,
          );
        if (isId && !r.isError) problems.push(`${what}: accepted`);
      }
    }
  }
  // The check means something only if ids were found and reached paths with good values.
  expect(idArgs.length).toBeGreaterThan(20);
  expect(problems).toEqual([]);
});

it('no resource URI variable walks the URL path, in any resource of any plugin', async () => {
  const { mcp, samples, sent } = site;
  const templates = (await mcp.client.listResourceTemplates()).resourceTemplates;
  expect(templates.length).toBeGreaterThan(0);
  const problems: string[] = [];
  let reachedPaths = 0;
  for (const { uriTemplate } of templates) {
    const vars = [...uriTemplate.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const name of vars) {
      const fill = (value: string) =>
        vars.reduce(
          (uri, v) => uri.replace(`{${v}}`, v === name ? value : String(samples[v] ?? samples.issueKey)),
          uriTemplate,
        );
      sent.length = 0;
      const good = String(samples[name === 'id' ? 'attachmentId' : 'issueKey']);
      await mcp.client.readResource({ uri: fill(good) }).catch(() => undefined);
      if (sent.some((s) => new URL(s.url).pathname.split('/').includes(good))) reachedPaths++;
      for (const bad of HOSTILE) {
        for (const spelled of [bad, /[\ud800-\udfff]/.test(bad) ? bad : encodeURIComponent(bad)]) {
          sent.length = 0;
          const uri = fill(spelled);
          const error = await mcp.client.readResource({ uri }).then(
            () => undefined,
            (e: unknown) => String((e as Error).message),
          );
          if (error && /internal/i.test(error)) problems.push(`${uri}: ${error}`);
          for (const s of sent) {
            const why = malformedUrl(s.url);
            if (why) problems.push(`${uri}: sent ${s.method} with ${why}`);
          }
        }
      }
    }
  }
  expect(reachedPaths).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

it('the reported case: deleting comment ".." (with jira_delete_issue disabled) leaves the issue in place', async () => {
  const { mcp, sandbox, samples, sent } = site;
  sandbox.reset();
  sent.length = 0;
  const key = String(samples.issueKey);
  for (const [tool, args] of [
    ['jira_delete_comment', { issueKey: key, commentId: '..' }],
    ['jira_delete_worklog', { issueKey: key, worklogId: '..' }],
    ['jira_edit_comment', { issueKey: key, commentId: '..', body: 'x' }],
  ] as const) {
    const r = await mcp.call(tool, args);
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/Expected a numeric id/);
  }
  expect(sent).toEqual([]);
  expect(sandbox.site.jira.issuesByKey.get(key)).toBeDefined();
});
