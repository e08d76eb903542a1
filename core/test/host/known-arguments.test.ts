import * as z from 'zod';
import { createTestHarness, type TestHarness } from '@atlassian-mcp/core/testing';
import { definePlugin, PLUGIN_API_VERSION, Tool, ToolProvider } from '@atlassian-mcp/core';
import notesPlugin from '@acme/atlassian-mcp-plugin-notes';
import { rejectingUnknownArguments } from '../../src/pipeline/known-arguments';

const validate = async (schema: z.ZodObject<z.ZodRawShape>, value: unknown) =>
  await rejectingUnknownArguments(schema)['~standard'].validate(value);
const messages = (r: { issues?: ReadonlyArray<{ message: string }> }) => (r.issues ?? []).map((i) => i.message);

describe('unknown tool arguments', () => {
  const schema = z.object({ jql: z.string(), limit: z.number().optional(), cursor: z.string().optional() });

  it('passes declared arguments through unchanged', async () => {
    expect(await validate(schema, { jql: 'a', limit: 2 })).toEqual({ value: { jql: 'a', limit: 2 } });
  });

  it('names the unknown argument, the declared one it resembles and every accepted name', async () => {
    const r = await validate(schema, { jql: 'a', limt: 2 });
    expect(messages(r)).toEqual(['unknown argument "limt" (did you mean "limit"?); accepted: jql, limit, cursor']);
    const keyed = z.object({ issueKey: z.string(), title: z.string().optional() });
    const guesses = messages(await validate(keyed, { issue_key: 'NOVA-1', titel: 'x' }));
    expect(guesses).toEqual([
      'Invalid input: expected string, received undefined',
      'unknown arguments "issue_key" (did you mean "issueKey"?), "titel" (did you mean "title"?); accepted: issueKey, title',
    ]);
  });

  it("points paging names from Atlassian's REST API and the seed at limit and cursor", async () => {
    const r = await validate(schema, { jql: 'a', max_results: 5, startAt: 10 });
    expect(messages(r)).toEqual([
      'unknown arguments "max_results" (did you mean "limit"?), "startAt" (did you mean "cursor"?); accepted: jql, limit, cursor',
    ]);
  });

  it('keeps the other problems, the refusal last (a misspelled required argument)', async () => {
    const r = await validate(schema, { jqll: 'a' });
    expect(messages(r)).toEqual([
      'Invalid input: expected string, received undefined',
      'unknown argument "jqll" (did you mean "jql"?); accepted: jql, limit, cursor',
    ]);
  });

  it('names several, a few at most, clipped and on one line, without a guess when nothing is close', async () => {
    const many = Object.fromEntries(['zebra', 'x\ny', 'q'.repeat(5000), 'a', 'b', 'c', 'd'].map((k) => [k, 1]));
    const [m] = messages(await validate(schema, { jql: 'a', ...many }));
    expect(m).toBe(
      `unknown arguments "zebra", "x y", "${'q'.repeat(59)}…", "a", "b" and 2 more; accepted: jql, limit, cursor`,
    );
  });

  it('says a tool takes no arguments', async () => {
    const [m] = messages(await validate(z.object({}), { project: 'NOVA' }));
    expect(m).toBe('unknown argument "project"; accepted: none (call it with no arguments)');
  });

  it('leaves a schema that takes further keys on purpose alone, and reports a strict one once', async () => {
    expect(await validate(z.looseObject({ a: z.string() }), { a: 'x', b: 1 })).toEqual({ value: { a: 'x', b: 1 } });
    const strict = messages(await validate(z.strictObject({ a: z.string() }), { a: 'x', aa: 1 }));
    expect(strict).toEqual(['unknown argument "aa" (did you mean "a"?); accepted: a']);
  });
});

describe('unknown tool arguments through a real MCP client', () => {
  let h: TestHarness;
  afterEach(async () => h?.close());

  it('refuses the call before the handler runs', async () => {
    h = await createTestHarness({ plugins: [notesPlugin] });
    const r = await h.call('notes_add_note', { title: 'hello', body: 'b', titel: 'x' });
    expect(r.isError).toBe(true);
    expect(r.text).toBe(
      'Input validation error: Invalid arguments for tool notes_add_note: ' +
        'unknown argument "titel" (did you mean "title"?); accepted: title, body',
    );
    expect((await h.call('notes_list_notes', {})).structured).toEqual({ notes: [], total: 0 });
  });

  it('refuses it for a plugin written against the public API too, and leaves tools/list as it was', async () => {
    let ran = 0;
    @ToolProvider()
    class Pings {
      @Tool({
        name: 'ping_ping',
        title: 'Ping',
        description: 'Pings.',
        input: z.object({ times: z.number().int().optional() }),
        output: z.object({ ran: z.number() }),
        readOnly: true,
        toolset: 'ping',
        scopes: [],
      })
      async ping() {
        return { ran: ++ran };
      }
    }
    const plugin = definePlugin({
      id: 'ping',
      apiVersion: PLUGIN_API_VERSION,
      toolPrefix: 'ping_',
      toolsets: { ping: 'Pings' },
      defaultToolsets: ['ping'],
      toolProviders: [Pings],
    });
    h = await createTestHarness({ plugins: [plugin] });
    expect((await h.call('ping_ping', { time: 2 })).text).toMatch(/unknown argument "time" \(did you mean "times"\?\)/);
    expect(ran).toBe(0);
    const [listed] = (await h.client.listTools()).tools;
    expect(listed!.inputSchema).toEqual({ type: 'object', properties: { times: { type: 'integer' } } });
    expect((await h.call('ping_ping', { times: 2 })).isError).toBe(false);
    expect(ran).toBe(1);
  });
});
