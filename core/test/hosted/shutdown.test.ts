// Graceful stop of a hosted server: readiness turns false and new MCP requests are refused at
// once, while a call already in flight finishes with its answer.
import { callTool, signIn } from './support/mcp-sign-in';
import { startHostedFixture } from './support/hosted-fixture';

it('finishes the call in flight, refuses new ones and reports not ready while stopping', async () => {
  const f = await startHostedFixture();
  try {
    const maya = await signIn(f.mcpUrl, 'maya.chen@nimbus-works.example');
    f.sandbox.faults.set({ type: 'latency', ms: 1500, match: { path: '/rest/api/3/issue/NOVA-4' } });
    const token = maya.provider.tokens()!.access_token;
    const inFlight = callTool(maya.client, 'jira_get_issue', { issueKey: 'NOVA-4' });
    // Wait until the call reached the site, then stop.
    for (let i = 0; i < 200 && f.sandbox.requests.inFlight === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(f.sandbox.requests.inFlight).toBeGreaterThan(0);
    const closing = f.server.close();
    const ready = await fetch(`${f.server.url}/readyz`).catch(() => undefined);
    if (ready) expect(ready.status).toBe(503);
    const late = await fetch(f.mcpUrl, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    }).catch(() => undefined);
    // Refused: 503 while the listener drains, or no connection once it has closed.
    if (late) expect(late.status).toBe(503);
    const result = await inFlight;
    expect(result.isError).toBe(false);
    expect(result.text).toContain('NOVA-4');
    await closing;
    await maya.close().catch(() => undefined);
  } finally {
    await f.sandbox.close();
  }
});
