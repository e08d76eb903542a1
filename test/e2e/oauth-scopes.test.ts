import { oauthHarness } from './support/oauth-harness';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import jiraPlugin from '@atlassian-mcp/plugin-jira';

// An OAuth session granted only some scopes: tools needing others are not offered, and a call
// that still meets "scope does not match" says which scope to add.
describe('OAuth scopes decide what is offered', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ listen: true });
  });
  afterAll(() => sandbox.close());

  /** A stored session whose token Atlassian granted `scopes`; the session may claim more (`claimed`). */
  async function signedIn(scopes: string[], claimed = scopes) {
    return oauthHarness(sandbox, { plugins: [jiraPlugin], granted: scopes, claimed });
  }

  it('offers read tools only when only read scopes were granted, and the read tools work through the gateway', async () => {
    const h = await signedIn(['read:jira-work', 'read:jira-user', 'offline_access']);
    const names = (await h.client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['jira_get_issue', 'jira_search', 'authenticate_atlassian']));
    expect(names).not.toContain('jira_create_issue');
    expect(names).not.toContain('jira_add_worklog');
    const r = await h.call('jira_get_issue', { issueKey: 'NOVA-1' });
    expect(r.isError).toBe(false);
    expect(sandbox.requests.at(-1)).toMatchObject({ via: 'gateway', auth: 'bearer' });
    await h.close();
  });

  it('names the scope to add when Atlassian answers "scope does not match"', async () => {
    // The session says write access was granted; the token Atlassian knows was only granted read.
    const h = await signedIn(
      ['read:jira-work', 'read:jira-user'],
      ['read:jira-work', 'read:jira-user', 'write:jira-work', 'offline_access'],
    );
    const r = await h.call('jira_add_comment', { issueKey: 'NOVA-1', body: 'hello' });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/Error \(authentication\)/);
    expect(r.text).toMatch(/write:jira-work/);
    await h.close();
  });
});
