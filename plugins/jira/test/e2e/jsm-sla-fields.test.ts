import { createTestHost, type TestHarness } from '@atlassian-mcp/core/testing';
import jiraPlugin from '@atlassian-mcp/plugin-jira';

// A Service Management request read as a Jira issue: its SLA fields say how the SLA stands (as
// servicedesk_get_sla words it), not the SLA's name a second time.
jest.setTimeout(30_000);

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHost({ plugins: [jiraPlugin] });
});
afterAll(() => h.close());

it('jira_get_issue shows an SLA field as its state and time, not its name again', async () => {
  const r = await h.call('jira_get_issue', { issueKey: 'ITS-1' });
  expect(r.isError).toBe(false);
  expect(r.text).not.toMatch(/Time to first response: Time to first response/);
  expect(r.text).not.toMatch(/Time to resolution: Time to resolution/);
  expect(r.text).toMatch(/Time to first response: (MET|BREACHED), took [^\n]+ of [^\n]+/);
  expect(r.text).toMatch(
    /Time to resolution: (running|PAUSED|BREACHED), [^\n]+ left of [^\n]+|Time to resolution: (MET|BREACHED), took/,
  );
});
