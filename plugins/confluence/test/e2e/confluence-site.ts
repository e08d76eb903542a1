import { createTestHarness, createTestHost, type TestHarness } from '@atlassian-mcp/core/testing';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import confluencePlugin from '@atlassian-mcp/plugin-confluence';

// End-to-end calls cross a loopback socket and a real MCP session; on a shared, busy machine the
// 5 s default can pass before a multi-step test ends. This is headroom, not a speed assertion.
jest.setTimeout(30_000);

/** A real MCP client talking to the Confluence plugin, whose site is a fresh sandbox on loopback. */
export interface ConfluenceSite {
  sandbox: Sandbox;
  mcp: TestHarness;
  /** Calls a tool; fails the test with the tool's own error text when it unexpectedly errors. */
  ok(name: string, args?: Record<string, unknown>): Promise<{ text: string; structured: Record<string, unknown> }>;
  /** Reads the site's REST API directly (as the admin), to check state after a write. */
  rest<T = Record<string, unknown>>(path: string): Promise<T>;
  /** Calls a tool that must fail; returns its error text. */
  fails(name: string, args?: Record<string, unknown>): Promise<string>;
  /** The sandbox's Confluence requests since the last `clearRequests()` (method + path, no query). */
  wire(): string[];
  close(): Promise<void>;
}

export async function startConfluenceSite(
  options: {
    toolsets?: string[];
    allowDestructive?: boolean;
    allowSpaces?: string[];
    capabilities?: Record<string, unknown>;
    plugin?: Record<string, unknown>;
    /** Serve through the sandbox's in-process fetch (no sockets): the wire then shows exactly what was sent. */
    inProcess?: boolean;
  } = {},
): Promise<ConfluenceSite> {
  if (options.inProcess) return startInProcess(options.toolsets);
  const host = await createTestHost({
    plugins: [confluencePlugin],
    capabilities: options.capabilities,
    config: {
      toolsets: options.toolsets ?? ['confluence:all'],
      allowDestructive: options.allowDestructive ?? false,
      ...(options.allowSpaces && { allow: { spaces: options.allowSpaces } }),
      plugins: { confluence: options.plugin ?? {} },
    },
  });
  return {
    sandbox: host.sandbox,
    mcp: host,
    ok: host.ok,
    rest: host.rest,
    fails: host.fails,
    wire: () => host.sandbox.requests.filter((r) => r.path.startsWith('/wiki/')).map((r) => `${r.method} ${r.path}`),
    close: host.close,
  };
}

/** A seeded page of the sandbox by title. */
export function seededPage(sandbox: Sandbox, title: string): { id: string; spaceId: string; body: string } {
  const page = [...sandbox.site.confluence.contents.values()].find((c) => c.title === title && c.status === 'current');
  if (!page) throw new Error(`no seeded page titled ${title}`);
  return page;
}

let tokens = 0;

/** The plugin against an in-process sandbox: no keep-alive sockets, so no reconnects on the wire. */
async function startInProcess(toolsets = ['confluence:all']): Promise<ConfluenceSite> {
  const sandbox = await startSandbox({ listen: false });
  const env = `CONFLUENCE_SITE_TOKEN_${process.pid}_${++tokens}`;
  process.env[env] = sandbox.credentials.apiToken;
  const mcp = await createTestHarness({
    plugins: [confluencePlugin],
    services: { fetch: (url, init) => sandbox.fetch(url, init as RequestInit) },
    config: {
      site: { url: sandbox.siteUrl },
      auth: { type: 'apiToken', email: sandbox.credentials.email, apiToken: { env }, store: 'memory' },
      toolsets,
      rateLimit: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 5, maxWaitMs: 2000 },
    },
  });
  const call = async (name: string, args: Record<string, unknown> = {}) => mcp.call(name, args);
  return {
    sandbox,
    mcp,
    async ok(name, args) {
      const r = await call(name, args);
      if (r.isError) throw new Error(`${name} failed: ${r.text}`);
      return { text: r.text, structured: r.structured as Record<string, unknown> };
    },
    async fails(name, args) {
      const r = await call(name, args);
      if (!r.isError) throw new Error(`${name} unexpectedly succeeded: ${r.text}`);
      return r.text;
    },
    async rest<T>(path: string): Promise<T> {
      const res = await sandbox.fetch(`${sandbox.siteUrl}${path}`, {
        headers: { authorization: sandbox.basicAuth(), accept: 'application/json' },
      });
      return (await res.json()) as T;
    },
    wire: () => sandbox.requests.filter((r) => r.path.startsWith('/wiki/')).map((r) => `${r.method} ${r.path}`),
    async close() {
      await mcp.close();
      await sandbox.close();
      delete process.env[env];
    },
  };
}

/** A seeded attachment by file name (ids move when the seed grows; names do not). */
export function seededAttachment(sandbox: Sandbox, filename: string): { id: string; containerId: string } {
  const a = [...sandbox.site.confluence.attachments.values()].find((x) => x.title === filename);
  if (!a) throw new Error(`no seeded attachment named ${filename}`);
  return a;
}

/** The seeded inline comment anchored to `selection`, and its first reply. */
export function seededInlineThread(sandbox: Sandbox, selection: string): { id: string; replyId?: string } {
  const comments = [...sandbox.site.confluence.comments.values()];
  const root = comments.find((c) => c.inline?.originalSelection === selection);
  if (!root) throw new Error(`no seeded inline comment on "${selection}"`);
  return { id: root.id, replyId: comments.find((c) => c.parentCommentId === root.id)?.id };
}
