import { startGenericSite, type GenericSite } from './support/site.js';
import { sampleArgs, type JsonSchema } from './support/schema-args.js';
import { samplesFor } from './support/tool-samples.js';
import { writeExamples } from './support/write-examples.js';

// A misspelled argument (`jira_search {jqll}`) used to be dropped by zod and the call ran as if it
// had not been given. Every tool of every loaded plugin, through a real MCP client: its valid
// minimal arguments plus an unknown one are refused with an input error that names the unknown
// argument, suggests the declared one it resembles and lists the accepted names, and nothing
// leaves the process.
jest.setTimeout(240_000);

let site: GenericSite;
beforeAll(async () => {
  site = await startGenericSite();
});
afterAll(() => site?.close());

const REFUSED = /^Input validation error: Invalid arguments for tool \w+: /;

/** `jql` → `jqll`: one edit away from the declared name. */
const misspell = (name: string) => `${name}${name.at(-1)}`;

it('an argument no tool declares is refused before any request, in every tool of every plugin', async () => {
  const { mcp, sandbox, samples, sent } = site;
  const listed = (await mcp.client.listTools()).tools;
  const plugins = new Map(
    mcp.host.registry.tools.filter((t) => t.pluginId !== 'core').map((t) => [t.meta.name, t.pluginId]),
  );
  const tools = listed.filter((t) => plugins.has(t.name));
  expect(tools.length).toBe(plugins.size);
  const examples = writeExamples(samples);
  expect(tools.length).toBeGreaterThan(60);
  const problems: string[] = [];
  let suggested = 0;
  for (const tool of tools) {
    const schema = tool.inputSchema as JsonSchema;
    const declared = Object.keys(schema.properties ?? {});
    const base = examples[tool.name]?.args ?? sampleArgs(schema, samplesFor(samples, plugins.get(tool.name)!));

    // The minimal arguments alone pass validation (or the refusal below would prove nothing).
    if (!tool.annotations?.readOnlyHint) {
      sandbox.reset();
      await examples[tool.name]?.setup?.(sandbox);
    }
    const control = await mcp.call(tool.name, base);
    if (REFUSED.test(control.text)) problems.push(`${tool.name}: minimal arguments refused: ${control.text}`);

    const cases: Array<[string, string | undefined]> = [['notAnArgumentOfAnyTool', undefined]];
    // A typo of a required argument (or of any declared one) in place of it.
    const target = schema.required?.[0] ?? declared[0];
    if (target && !declared.includes(misspell(target))) cases.push([misspell(target), target]);
    for (const [unknown, meant] of cases) {
      const args = { ...base, [unknown]: base[meant ?? ''] ?? 'x' };
      if (meant) delete args[meant];
      sent.length = 0;
      const r = await mcp.call(tool.name, args);
      const what = `${tool.name} {${unknown}}`;
      if (!r.isError) problems.push(`${what}: not refused`);
      if (!REFUSED.test(r.text)) problems.push(`${what}: not an input error: ${r.text.slice(0, 200)}`);
      if (!r.text.includes(`unknown argument "${unknown}"`)) problems.push(`${what}: does not name it: ${r.text}`);
      if (meant) {
        if (r.text.includes(`"${unknown}" (did you mean "${meant}"?)`)) suggested++;
        else problems.push(`${what}: no "did you mean ${meant}": ${r.text}`);
      }
      const accepted = declared.length ? `; accepted: ${declared.join(', ')}` : '; accepted: none';
      if (!r.text.includes(accepted)) problems.push(`${what}: does not list ${accepted}: ${r.text}`);
      if (sent.length > 0) problems.push(`${what}: ${sent.length} request(s) left, first ${sent[0]!.url}`);
    }
  }
  expect(problems).toEqual([]);
  expect(suggested).toBeGreaterThan(60);
});

it('a misspelled search argument is refused, not run as if it were absent', async () => {
  const { mcp, sent } = site;
  sent.length = 0;
  const r = await mcp.call('jira_search', { jql: 'project = NOVA', limt: 1 });
  expect(r.isError).toBe(true);
  expect(r.text).toMatch(/unknown argument "limt" \(did you mean "limit"\?\); accepted: jql, /);
  expect(sent).toEqual([]);
  // Spelled right, it runs.
  const ok = await mcp.call('jira_search', { jql: 'project = NOVA', limit: 1 });
  expect(ok.isError).toBe(false);
  expect(sent.length).toBeGreaterThan(0);
});
