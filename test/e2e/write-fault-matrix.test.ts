import type { FaultSpec, RequestLogEntry, SandboxSnapshot } from '@atlassian-mcp/sandbox';
import { startGenericSite, type GenericSite } from './support/site.js';
import { writeExamples, type WriteExample } from './support/write-examples.js';

// Issue 11, finding 6: when a write was sent but its answer was lost, the result said "Retry"
// and an agent that followed it wrote twice. For every write tool of every loaded plugin, each
// way of losing the answer, then the agent doing what the result says: the site must end up
// exactly as after one clean call.
jest.setTimeout(600_000);

const LOSSES: Array<FaultSpec['type']> = ['timeoutAfterSend', 'truncatedBody', 'resetAfterResponse'];
/** POSTs that only read. */
const READ_POSTS = new Set([
  'searchAndReconsileIssuesUsingJqlPost',
  'searchForIssuesUsingJqlPost',
  'getCommentsByIds',
  'countIssues',
  'createBulkUserLookup',
]);

let site: GenericSite;
let examples: Record<string, WriteExample>;
beforeAll(async () => {
  site = await startGenericSite({
    config: {
      http: { timeoutMs: 400, connectTimeoutMs: 1000 },
      rateLimit: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 },
    },
  });
  examples = writeExamples(site.samples);
});
afterAll(() => site?.close());

const isWrite = (r: RequestLogEntry) => r.method !== 'GET' && !READ_POSTS.has(r.operationId ?? '');
const applied = (r: RequestLogEntry) => isWrite(r) && r.status >= 200 && r.status < 300;

/** The site's data with what differs between two equal runs (clocks, random markers) blanked. */
function normalised(s: SandboxSnapshot): Record<string, string> {
  const out: Record<string, string> = {};
  // A JSM temporary upload that is never attached expires unseen: a resent one is not a second write.
  const jsm = s.jsm && {
    ...s.jsm,
    temporaryAttachments: [],
    counters: { ...s.jsm.counters, temporaryAttachment: 0 },
  };
  for (const [k, v] of Object.entries({ ...s.jira, confluence: s.confluence, jsm, assets: s.assets }))
    out[k] = JSON.stringify(v, (_, x: unknown) => {
      if (typeof x === 'number' && x > 1e12) return 0;
      if (typeof x === 'string')
        return x
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'U')
          .replace(/\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:?\d\d)?/g, 'T');
      return x;
    });
  return out;
}

/** What an agent does with a failed result: repeat the call when told to retry, not when told to check first. */
function saysRetry(text: string): boolean {
  return /^Next: .*\bretry\b/im.test(text) && !/Do not repeat/i.test(text);
}

async function prepare(name: string): Promise<void> {
  site.sandbox.reset();
  await examples[name]!.setup?.(site.sandbox);
  site.sandbox.requests.clear();
}

it('every write tool of every plugin has an example call', () => {
  const writes = site.mcp.host.registry.tools.filter((t) => t.pluginId !== 'core' && !t.meta.readOnly);
  expect(writes.length).toBeGreaterThan(10);
  expect(writes.map((t) => t.meta.name).filter((n) => !examples[n])).toEqual([]);
});

it('a lost answer to any write, then the agent doing what the result says: exactly one write, every time', async () => {
  const { mcp, sandbox } = site;
  const writes = mcp.host.registry.tools.filter((t) => t.pluginId !== 'core' && !t.meta.readOnly);
  const problems: string[] = [];
  let runs = 0;
  for (const { meta } of writes) {
    const example = examples[meta.name];
    if (!example) continue;
    await prepare(meta.name);
    const clean = await mcp.call(meta.name, example.args);
    if (clean.isError) {
      problems.push(`${meta.name}: the example fails without faults: ${clean.text}`);
      continue;
    }
    const first = sandbox.requests.find(applied);
    if (!first?.operationId) {
      problems.push(`${meta.name}: no write reached the sandbox`);
      continue;
    }
    const once = normalised(sandbox.snapshot());
    for (const loss of LOSSES) {
      await prepare(meta.name);
      sandbox.faults.set({ type: loss, times: 1, match: { operationId: first.operationId } } as FaultSpec);
      const r = await mcp.call(meta.name, example.args);
      const what = `${meta.name} with ${loss} on ${first.operationId}`;
      if (!sandbox.requests.some((q) => q.faults?.length)) problems.push(`${what}: the fault never fired`);
      if (/Error \(internal\)/.test(r.text)) problems.push(`${what}: internal error`);
      if (r.isError && saysRetry(r.text)) await mcp.call(meta.name, example.args);
      sandbox.faults.clear();
      runs++;
      const after = normalised(sandbox.snapshot());
      const differs = Object.keys(once).filter((k) => once[k] !== after[k]);
      if (differs.length) problems.push(`${what}: the site differs from one clean call in ${differs.join(', ')}`);
      // Every lookup works on the sandbox, so nothing should stay unknown: the write is reported done.
      if (r.isError) problems.push(`${what}: the result is an error: ${r.text.split('\n').slice(0, 2).join(' / ')}`);
    }
  }
  expect(runs).toBeGreaterThan(30);
  expect(problems).toEqual([]);
});
