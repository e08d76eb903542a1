import { createTestHost, type TestHost } from '@atlassian-mcp/core/testing';
import { toolCalls } from '@atlassian-mcp/core/host';
import type { AtlassianMcpPlugin } from '@atlassian-mcp/core';
import jiraPlugin from '@atlassian-mcp/plugin-jira';
import confluencePlugin from '@atlassian-mcp/plugin-confluence';
import serviceDeskPlugin from '@atlassian-mcp/plugin-service-desk';

jest.setTimeout(60_000);

/** The first-party plugins on main, as the skills name them. */
export const FIRST_PARTY: AtlassianMcpPlugin[] = [jiraPlugin, confluencePlugin, serviceDeskPlugin];
const PREFIXES = FIRST_PARTY.map((p) => p.toolPrefix);

/**
 * A scripted agent (no LLM): gets a skill's prompt through a real MCP client, then the test
 * follows the procedure with the tools it names against the sandbox. Every call is checked
 * against the rendered procedure: the tool must be one it names, and every argument one it
 * passes to that tool; `followed()` then says whether every tool the procedure names was used.
 */
export interface SkillAgent {
  host: TestHost;
  /** The rendered procedure of the last `prompt()`. */
  text: string;
  prompt(name: string, args: Record<string, string>): Promise<string>;
  /** Calls a tool the procedure names, with arguments it names; returns the text and structured result. */
  step(tool: string, args?: Record<string, unknown>): Promise<{ text: string; structured: Record<string, unknown> }>;
  /**
   * Every page of a listing the procedure pages through ("pass the `cursor` until…"): calls `tool`
   * and follows the result's `nextCursor` into `cursor` until there is none, returning the items
   * under `list`. Refuses a tool whose output schema has no `nextCursor` (a check on a field the
   * tool never returns could not fail).
   */
  pages(tool: string, args: Record<string, unknown>, list: string): Promise<unknown[]>;
  /** Like `step`, for a call the procedure expects may fail (a title that must be free). */
  attempt(tool: string, args?: Record<string, unknown>): Promise<{ isError: boolean; text: string }>;
  /**
   * The arguments the procedure writes for the n-th call of `tool`, as values (JSON literals parsed;
   * anything else, such as `KEY`, kept as text for the script to replace).
   */
  literal(tool: string, n?: number): Record<string, unknown>;
  /** Tools the procedure names that the script has not called (except those given). */
  unused(except?: string[]): string[];
  close(): Promise<void>;
}

export async function startSkillAgent(config: Record<string, unknown> = {}): Promise<SkillAgent> {
  const host = await createTestHost({ plugins: FIRST_PARTY, config: { toolsets: ['all'], ...config } });
  let named = new Map<string, Set<string>>();
  let calls: ReturnType<typeof toolCalls> = [];
  const called = new Set<string>();
  const check = (tool: string, args: Record<string, unknown>) => {
    const allowed = named.get(tool);
    if (!allowed) throw new Error(`the procedure does not name ${tool}; it names ${[...named.keys()].join(', ')}`);
    const extra = Object.keys(args).filter((a) => !allowed.has(a));
    if (extra.length > 0) throw new Error(`the procedure does not pass ${extra.join(', ')} to ${tool}`);
    called.add(tool);
  };
  const agent: SkillAgent = {
    host,
    text: '',
    async prompt(name, args) {
      const got = await host.client.getPrompt({ name, arguments: args });
      agent.text = (got.messages[0]!.content as { text: string }).text;
      named = new Map();
      calls = toolCalls(agent.text, PREFIXES);
      for (const c of calls) {
        const set = named.get(c.tool) ?? new Set<string>();
        for (const a of c.args) set.add(a.split('.')[0]!);
        named.set(c.tool, set);
      }
      called.clear();
      return agent.text;
    },
    async step(tool, args = {}) {
      check(tool, args);
      return host.ok(tool, args);
    },
    async pages(tool, args, list) {
      const listed = (await host.client.listTools()).tools.find((t) => t.name === tool);
      const output = listed?.outputSchema as { properties?: Record<string, unknown> } | undefined;
      if (!output?.properties?.nextCursor || !output.properties[list])
        throw new Error(`${tool} does not page ${list} with nextCursor (its output: ${JSON.stringify(output)})`);
      if (!agent.text.includes('`cursor`')) throw new Error('the procedure never says to pass the `cursor`');
      check(tool, args);
      const items: unknown[] = [];
      let next: Record<string, unknown> = args;
      for (let n = 0; n < 100; n++) {
        const page = (await host.ok(tool, next)).structured;
        items.push(...(page[list] as unknown[]));
        if (page.nextCursor === undefined) return items;
        next = { ...args, cursor: page.nextCursor };
      }
      throw new Error(`${tool} still had pages after 100`);
    },
    async attempt(tool, args = {}) {
      check(tool, args);
      return host.call(tool, args);
    },
    literal(tool, n = 0) {
      const call = calls.filter((c) => c.tool === tool)[n];
      if (!call) throw new Error(`the procedure has no call #${n + 1} of ${tool}`);
      return Object.fromEntries(
        Object.entries(call.values).map(([k, v]) => {
          try {
            return [k, JSON.parse(v)];
          } catch {
            return [k, v];
          }
        }),
      );
    },
    unused(except = []) {
      return [...named.keys()].filter((t) => !called.has(t) && !except.includes(t));
    },
    close: () => host.close(),
  };
  return agent;
}
