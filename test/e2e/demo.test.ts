import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const repo = resolve(__dirname, '../..');

describe('`npm run demo` (scripts/demo.js against the sandbox)', () => {
  it('runs every step, and picks up an open issue nobody had taken', async () => {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('ATLASSIAN_')) env[k] = v;
    const { stdout } = await exec(process.execPath, [join(repo, 'scripts/demo.js')], {
      cwd: repo,
      env,
      timeout: 60000,
    });
    const picked = /▶ Pick up (NOVA-\d+) this morning/.exec(stdout)?.[1];
    expect(picked).toBeDefined();
    // Before the pick-up, the search showed it open and unassigned.
    expect(stdout).toMatch(new RegExp(`^  ${picked} \\| (?!Done )[^|]+ \\| unassigned \\|`, 'm'));
    expect(stdout).toMatch(new RegExp(`Assigned ${picked} to Maya Chen`));
    // A skill end to end: /document-todays-work writes up the day, linking the bug filed and commented on.
    const bug = /Created (NOVA-\d+) \(Bug\)/.exec(stdout)?.[1];
    expect(stdout).toMatch(/▶ Skill \/document-todays-work space=ENG/);
    expect(stdout).toMatch(/Created page \d+ "Work log — Maya Chen — \d{4}-\d{2}-\d{2}" in ENG/);
    expect(stdout).toMatch(
      new RegExp(`│ - \\[${bug}\\]\\(http://127\\.0\\.0\\.1:\\d+/browse/${bug}\\) Login loop on Safari — commented`),
    );
    expect(stdout).toMatch(/Done: every step ran through a real MCP client/);
  });
});
