import { createTestHost, type TestHarness } from '@atlassian-mcp/core/testing';
import type { Sandbox } from '@atlassian-mcp/sandbox';
import serviceDeskPlugin from '@atlassian-mcp/plugin-service-desk';

// End-to-end calls cross a loopback socket and a real MCP session; on a shared, busy machine the
// 5 s default can pass before a multi-step test ends. This is headroom, not a speed assertion.
jest.setTimeout(30_000);

/** A real MCP client talking to the Service Management plugin, whose site is a fresh sandbox. */
export interface DeskSite {
  sandbox: Sandbox;
  mcp: TestHarness;
  ok(name: string, args?: Record<string, unknown>): Promise<{ text: string; structured: Record<string, unknown> }>;
  fails(name: string, args?: Record<string, unknown>): Promise<string>;
  /** Reads the site's REST API as the site admin, or as another seeded user (by email). */
  rest<T = Record<string, unknown>>(path: string, as?: string): Promise<T>;
  close(): Promise<void>;
}

export async function startDeskSite(
  options: {
    toolsets?: string[];
    allowProjects?: string[];
    capabilities?: Record<string, unknown>;
    plugin?: Record<string, unknown>;
    allowedDirs?: string[];
    readOnly?: boolean;
    /** JSONL file the audit log goes to (off when not given). */
    auditFile?: string;
  } = {},
): Promise<DeskSite> {
  const host = await createTestHost({
    plugins: [serviceDeskPlugin],
    capabilities: options.capabilities,
    config: {
      toolsets: options.toolsets ?? ['service-desk:all'],
      ...(options.readOnly && { readOnly: true }),
      ...(options.auditFile && { audit: { enabled: true, file: options.auditFile } }),
      ...(options.allowProjects && { allow: { projects: options.allowProjects } }),
      ...(options.allowedDirs && { files: { allowedDirs: options.allowedDirs } }),
      plugins: { 'service-desk': options.plugin ?? {} },
    },
  });
  const sandbox = host.sandbox;
  return {
    sandbox,
    mcp: host,
    ok: host.ok,
    fails: host.fails,
    async rest<T>(path: string, as?: string): Promise<T> {
      if (!as) return host.rest<T>(path);
      const res = await sandbox.fetch(`${sandbox.url}${path}`, {
        headers: { authorization: sandbox.basicAuth(as), accept: 'application/json' },
      });
      if (!res.ok) throw new Error(`GET ${path} as ${as}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    close: host.close,
  };
}

/** The email of a seeded customer by display name. */
export function customerEmail(sandbox: Sandbox, displayName: string): string {
  const u = sandbox.credentials.users.find((x) => x.displayName === displayName);
  if (!u) throw new Error(`no seeded user ${displayName}`);
  return u.email;
}
