import { createTestHarness, type TestHarness } from '@atlassian-mcp/core/testing';
import { startSandbox, type Sandbox, type SandboxOptions } from '@atlassian-mcp/sandbox';
import type { AtlassianMcpConfigInput } from '@atlassian-mcp/config';
import { productPlugins } from './plugins.js';
import { prepareSamples, type Samples } from './tool-samples.js';

/** Every loaded plugin against an in-process sandbox, with every URL that left the process recorded. */
export interface GenericSite {
  sandbox: Sandbox;
  mcp: TestHarness;
  samples: Samples;
  /** URLs the server sent, in order (cleared by the test when it wants). */
  sent: Array<{ method: string; url: string }>;
  close(): Promise<void>;
}

let n = 0;

export async function startGenericSite(
  options: { config?: Partial<AtlassianMcpConfigInput>; sandbox?: SandboxOptions } = {},
): Promise<GenericSite> {
  const sandbox = await startSandbox({ listen: false, ...options.sandbox });
  const samples = await prepareSamples(sandbox);
  const env = `GENERIC_SANDBOX_TOKEN_${++n}_${process.pid}`;
  process.env[env] = sandbox.credentials.apiToken;
  const sent: GenericSite['sent'] = [];
  const mcp = await createTestHarness({
    plugins: productPlugins,
    services: {
      fetch: (url, init) => {
        sent.push({ method: String(init.method ?? 'GET'), url });
        return sandbox.fetch(url, init as RequestInit);
      },
    },
    config: {
      site: { url: sandbox.siteUrl, apiGatewayUrl: sandbox.siteUrl },
      auth: { type: 'apiToken', email: sandbox.credentials.email, apiToken: { env }, store: 'memory' },
      toolsets: ['all'],
      allowDestructive: true,
      rateLimit: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 5, maxWaitMs: 2000 },
      ...options.config,
    } as AtlassianMcpConfigInput,
  });
  return {
    sandbox,
    mcp,
    samples,
    sent,
    async close() {
      await mcp.close();
      await sandbox.close();
      delete process.env[env];
    },
  };
}

/**
 * Why a URL the server sent is malformed, or undefined. Checked on what the sandbox receives
 * (after URL parsing resolved any dot segments): an empty or trailing segment, a segment that
 * still decodes to `.`/`..`, a replacement character where a lone surrogate was, a leftover
 * `{template}`.
 */
export function malformedUrl(url: string): string | undefined {
  const { pathname } = new URL(url);
  const segments = pathname.split('/').slice(1);
  if (segments.some((s) => s === '')) return `empty segment in ${pathname}`;
  for (const s of segments) {
    let once = s;
    try {
      once = decodeURIComponent(s);
    } catch {
      // a stray % is the server's problem to reject, not a walk
    }
    if (once.includes('\ufffd')) return `replacement character (lone surrogate) in ${pathname}`;
    if (/^\{.*\}$/.test(once)) return `unfilled template in ${pathname}`;
    let d = once;
    for (let i = 0; i < 3; i++) {
      try {
        d = decodeURIComponent(d);
      } catch {
        break;
      }
    }
    // Decoded as often as a chain of proxies might: still no dot segment.
    if (d.split(/[/\\]/).some((p) => p === '.' || p === '..')) return `dot segment in ${pathname}`;
  }
  return undefined;
}
