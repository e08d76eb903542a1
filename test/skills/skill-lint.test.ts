import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createTestHarness } from '@atlassian-mcp/core/testing';
import { DEFAULT_SKILL_DIR, lintSkillDirs, readSkillDir, SKILL_TOKEN_BUDGET } from '@atlassian-mcp/core/host';
import { FIRST_PARTY } from './support/skill-agent';

const repo = join(__dirname, '../..');
const FIXTURE = join(__dirname, 'fixtures/misspelled');

describe('the skill lint', () => {
  it('passes every shipped skill against the first-party plugins (tools, arguments, placeholders, budget)', async () => {
    const h = await createTestHarness({ plugins: FIRST_PARTY, config: { toolsets: ['all'] }, promptDirs: [] });
    try {
      const dirs = [DEFAULT_SKILL_DIR, ...FIRST_PARTY.flatMap((p) => (p.skills ? [p.skills] : []))];
      const loaded = new Set(FIRST_PARTY.map((p) => p.id));
      // Skills for plugins not on main yet are linted once their plugin is added to FIRST_PARTY.
      const skills = dirs.flatMap((d) => readSkillDir(d)).filter((s) => s.plugins.every((id) => loaded.has(id)));
      expect(skills.length).toBeGreaterThanOrEqual(5);
      const report = lintSkillDirs(dirs, h.host.registry);
      const ours = report.problems.filter((p) => skills.some((s) => p.startsWith(`${s.name}:`)));
      expect(ours).toEqual([]);
      for (const s of report.skills) expect(s.tokens).toBeLessThanOrEqual(SKILL_TOKEN_BUDGET);
    } finally {
      await h.close();
    }
  });

  it('fails on a misspelled tool and a misspelled argument, with a suggestion', async () => {
    const h = await createTestHarness({ plugins: FIRST_PARTY, config: { toolsets: ['all'] }, promptDirs: [] });
    try {
      const { problems } = lintSkillDirs([FIXTURE], h.host.registry);
      expect(problems).toEqual([
        'jira-typo: names tool "jira_serach", which no loaded plugin has (did you mean "jira_search"?)',
        'jira-typo: passes "comment" to jira_get_issue, which has no such argument (did you mean "comments"?)',
      ]);
    } finally {
      await h.close();
    }
  });

  it('`npm run lint:skills` exits 1 on the fixture and 0 on the shipped skills', () => {
    const bad = spawnSync(process.execPath, [join(repo, 'scripts/lint-skills.js'), FIXTURE], { encoding: 'utf8' });
    expect(bad.stderr).toMatch(/names tool "jira_serach"/);
    expect(bad.status).toBe(1);
    const good = spawnSync(process.execPath, [join(repo, 'scripts/lint-skills.js')], { encoding: 'utf8' });
    expect(good.stdout).toMatch(/^log-work\s+\d+ tokens$/m);
    expect(good.status).toBe(0);
  });
});
