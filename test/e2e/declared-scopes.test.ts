import type { TestHarness } from '@atlassian-mcp/core/testing';
import { oauthHarness } from './support/oauth-harness.js';
import { startSandbox, type Sandbox, type SandboxSnapshot } from '@atlassian-mcp/sandbox';
import { productPlugins } from './support/plugins.js';
import { sampleArgs, type JsonSchema } from './support/schema-args.js';
import { prepareSamples, samplesFor, type Samples } from './support/tool-samples.js';
import { writeExamples } from './support/write-examples.js';

// confluence_get_page failed under OAuth with "scope does not match" on every page with a parent:
// its ancestors request needs a scope the tool did not declare, so a sign-in asking for the
// enabled tools' scopes got a token that could not make it. Every tool of every plugin, through
// a real MCP client signed in with OAuth: the token grants exactly the tool's declared scopes
// (plus `offline_access`, which core's sign-in always asks for), the call takes the tool's
// normal path (a page with a parent and comments, an issue with a comment, worklog, watcher…),
// and the sandbox's gateway — which enforces each operation's OAuth scopes as the vendored
// OpenAPI specs state them — refuses none of the requests the tool made.
jest.setTimeout(600_000);

interface PluginTool {
  name: string;
  pluginId: string;
  scopes: string[];
}

let sandbox: Sandbox;
let samples: Samples;
let base: SandboxSnapshot;
let tools: PluginTool[];

beforeAll(async () => {
  sandbox = await startSandbox({ listen: true });
  samples = await prepareSamples(sandbox);
  base = sandbox.snapshot();
  const probe = await signedIn([]);
  tools = probe.host.registry.tools
    .filter((t) => t.pluginId !== 'core')
    .map((t) => ({ name: t.meta.name, pluginId: t.pluginId, scopes: [...t.meta.scopes] }));
  await probe.close();
});
afterAll(() => sandbox?.close());

/** Reads whose arguments are all optional but that need one of them to do anything. */
const readArgs = (s: Samples): Record<string, Record<string, unknown>> => ({
  jira_get_create_fields: { project: s.project },
  jira_search_users: { query: 'a' },
  jira_list_agile_issues: { sprintId: s.activeSprintId },
  confluence_get_page: { pageId: s.pageId },
});

/** A real MCP client whose stored OAuth session Atlassian granted exactly `scopes` (+ offline_access). */
async function signedIn(scopes: string[]): Promise<TestHarness> {
  return oauthHarness(sandbox, {
    plugins: productPlugins,
    granted: [...new Set([...scopes, 'offline_access'])],
    config: { toolsets: ['all'], allowDestructive: true },
  });
}

/** Requests of the last call the gateway refused for a scope the token lacks (a valid bearer answered 401). */
function refusedForScope(): string[] {
  return sandbox.requests
    .filter((r) => r.via === 'gateway' && r.auth === 'bearer' && r.status === 401)
    .map((r) => `${r.method} ${r.route} (${r.operationId ?? '?'})`);
}

it('every tool of every plugin makes its requests with the scopes it declares', async () => {
  expect(new Set(tools.map((t) => t.pluginId))).toEqual(new Set(['jira', 'confluence', 'service-desk']));
  expect(tools.length).toBeGreaterThan(100);
  const examples = writeExamples(samples);
  const reads = readArgs(samples);
  // Tools declaring the same scopes share one sign-in.
  const groups = new Map<string, PluginTool[]>();
  for (const t of tools) {
    const key = [...new Set(t.scopes)].sort().join(' ');
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const problems: string[] = [];
  const failed: string[] = [];
  let succeeded = 0;
  for (const group of groups.values()) {
    const mcp = await signedIn(group[0]!.scopes);
    const listed = new Map((await mcp.client.listTools()).tools.map((t) => [t.name, t]));
    for (const tool of group) {
      const offered = listed.get(tool.name);
      if (!offered) {
        problems.push(`${tool.name}: not offered to a sign-in granted its own scopes [${tool.scopes.join(', ')}]`);
        continue;
      }
      sandbox.loadSnapshot(base);
      await examples[tool.name]?.setup?.(sandbox);
      const args =
        examples[tool.name]?.args ??
        reads[tool.name] ??
        sampleArgs(offered.inputSchema as JsonSchema, samplesFor(samples, tool.pluginId));
      sandbox.requests.clear();
      const r = await mcp.call(tool.name, args);
      const refused = refusedForScope();
      if (refused.length)
        problems.push(`${tool.name} [${tool.scopes.join(', ')}]: scope refused on ${refused.join('; ')}`);
      else if (/Error \(authentication\)/.test(r.text)) problems.push(`${tool.name}: ${r.text.slice(0, 300)}`);
      if (r.isError) failed.push(`${tool.name}: ${r.text.slice(0, 160)}`);
      else succeeded++;
    }
    await mcp.close();
  }
  // The calls took the tools' normal paths (an error ends a call before most of its requests).
  expect({ problems, failed }).toEqual({ problems: [], failed: [] });
  expect(succeeded).toBe(tools.length);
});

it('confluence_get_page on a page with a parent reads its ancestors with the tool’s own scopes', async () => {
  const page = sandbox.site.confluence.contents.get(String(samples.pageId))!;
  expect(page.parentId).toBeDefined();
  const scopes = tools.find((t) => t.name === 'confluence_get_page')!.scopes;
  const mcp = await signedIn(scopes);
  sandbox.loadSnapshot(base);
  sandbox.requests.clear();
  const r = await mcp.call('confluence_get_page', { pageId: page.id });
  await mcp.close();
  expect(sandbox.requests.map((q) => `${q.status} ${q.route}`)).toContain(
    `200 /wiki/api/v2/pages/${page.id}/ancestors`,
  );
  expect(refusedForScope()).toEqual([]);
  expect(r.isError).toBe(false);
});

it('every resource of every plugin is read with the scopes it declares', async () => {
  const uris: Record<string, string> = {
    ...(samples.resourceUris as Record<string, string>),
    'confluence://page/{id}': `confluence://page/${String(samples.pageId)}`,
    'confluence://space/{key}': `confluence://space/${String(samples.spaceKey)}`,
    'confluence://attachment/{id}': `confluence://attachment/${String(samples.wikiAttachmentId)}`,
    'jira://attachment/{id}': `jira://attachment/${String(samples.attachmentId)}`,
    'jira://issue/{key}': `jira://issue/${String(samples.issueKey)}`,
    'jira://project/{key}': `jira://project/${String(samples.project)}`,
  };
  const probe = await signedIn([]);
  const resources = probe.host.registry.resources
    .filter((r) => r.pluginId !== 'core')
    .map((r) => ({ uri: r.meta.uri, scopes: [...(r.meta.scopes ?? [])] }));
  await probe.close();
  expect(resources.length).toBeGreaterThan(5);
  const problems: string[] = [];
  for (const resource of resources) {
    const uri = resource.uri.includes('{') ? uris[resource.uri] : resource.uri;
    if (!uri) {
      problems.push(`${resource.uri}: no sample URI to read`);
      continue;
    }
    const mcp = await signedIn(resource.scopes);
    sandbox.loadSnapshot(base);
    sandbox.requests.clear();
    const error = await mcp.client.readResource({ uri }).then(
      () => undefined,
      (e: unknown) => String((e as Error).message),
    );
    await mcp.close();
    const refused = refusedForScope();
    if (refused.length) problems.push(`${uri} [${resource.scopes.join(', ')}]: scope refused on ${refused.join('; ')}`);
    else if (error) problems.push(`${uri}: ${error.slice(0, 200)}`);
  }
  expect(problems).toEqual([]);
});
