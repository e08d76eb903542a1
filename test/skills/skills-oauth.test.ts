import { oauthHarness } from '../e2e/support/oauth-harness';
import { SkillsClient } from '@modelcontextprotocol/client/ext/skills';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import jiraPlugin from '@atlassian-mcp/plugin-jira';

// With OAuth a skill is offered once the scopes of every tool it needs are granted, and the client
// is told when that changes (sign-out hides them again without a restart).
describe('skills follow what the OAuth grant offers', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ listen: true });
  });
  afterAll(() => sandbox.close());

  it('offers the read-only skills on a read grant, and hides them after sign-out with prompts/list_changed', async () => {
    const h = await oauthHarness(sandbox, {
      plugins: [jiraPlugin],
      granted: ['read:jira-work', 'read:jira-user', 'offline_access'],
    });
    try {
      let changes = 0;
      let changed: () => void = () => {};
      h.client.setNotificationHandler('notifications/prompts/list_changed', () => {
        changes++;
        changed();
      });
      const names = async () => (await h.client.listPrompts()).prompts.map((p) => p.name);
      const offered = await names();
      expect(offered).toEqual(expect.arrayContaining(['standup', 'status-report']));
      expect(offered).not.toContain('log-work');
      expect(offered).not.toContain('triage-issue');
      expect((await new SkillsClient(h.client).list()).skills.map((s) => s.frontmatter.name)).not.toContain('log-work');

      const before = changes;
      const hidden = new Promise<void>((resolve) => (changed = resolve));
      await h.host.auth().logout();
      await hidden;
      expect(changes).toBe(before + 1);
      expect((await names()).filter((n) => ['standup', 'status-report', 'log-work'].includes(n))).toEqual([]);
      expect((await new SkillsClient(h.client).list()).skills).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
