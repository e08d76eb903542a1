// CI counts the conformance suite in its one summary line: one scenario is one test, judged against
// conformance/expected-failures.yml (scripts/conformance-results.js), and the counts are added by
// scripts/jest-summary.js next to the jest runs'.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const { conformanceResults, readBaseline } = require(join(root, 'scripts/conformance-results.js')) as {
  conformanceResults(
    dir: string,
    baseline: string,
    exitCode: number,
  ): { numPassedTests: number; numFailedTests: number; numTotalTests: number; failures: string[] };
  readBaseline(file: string): { listed: string[]; unexplained: string[] };
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'amcp-conf-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A scenario's result directory as the suite writes it. */
function scenario(name: string, ...statuses: string[]): void {
  const at = join(dir, 'out', `server-${name}-2026-01-02T03-04-05-678Z`);
  mkdirSync(at, { recursive: true });
  writeFileSync(join(at, 'checks.json'), JSON.stringify(statuses.map((status, i) => ({ id: `c${i}`, status }))));
}

function baseline(text: string): string {
  const file = join(dir, 'expected.yml');
  writeFileSync(file, text);
  return file;
}

describe('conformance results', () => {
  it('counts a scenario that matches the baseline as passed, and every mismatch as a failure', () => {
    scenario('ping', 'SUCCESS', 'INFO');
    scenario('tools-list', 'SUCCESS');
    scenario('tools-call-image', 'FAILURE'); // listed: expected
    scenario('resources-subscribe', 'SUCCESS'); // listed but passes: stale
    scenario('server-initialize', 'SUCCESS', 'WARNING'); // a warning fails a scenario, as in the suite
    const file = baseline(
      [
        'server:',
        '  - tools-call-image # calls the fixture tool',
        '  - resources-subscribe # not offered',
        '  - prompts-get-simple',
      ].join('\n'),
    );
    const r = conformanceResults(join(dir, 'out'), file, 1);
    expect(r.numPassedTests).toBe(3);
    expect(r.failures.sort()).toEqual([
      'prompts-get-simple: expected failure without a reason',
      'resources-subscribe: passes but is listed as an expected failure',
      'server-initialize: failed (not an expected failure)',
    ]);
    expect(r.numFailedTests).toBe(3);
    expect(r.numTotalTests).toBe(6);
  });

  it('counts a suite that ran nothing, or exited non-zero with every scenario as expected, as one failure', () => {
    const file = baseline('server:\n  - tools-call-image # fixture tool\n');
    expect(conformanceResults(join(dir, 'missing'), file, 0).numFailedTests).toBe(1);
    scenario('ping', 'SUCCESS');
    const r = conformanceResults(join(dir, 'out'), file, 2);
    expect(r).toMatchObject({ numPassedTests: 1, numFailedTests: 1 });
    expect(r.failures[0]).toMatch(/exited with 2/);
    expect(conformanceResults(join(dir, 'out'), file, 0)).toMatchObject({ numPassedTests: 1, numFailedTests: 0 });
  });

  it('gives every expected failure of the real baseline a reason', () => {
    const { listed, unexplained } = readBaseline(join(root, 'conformance/expected-failures.yml'));
    expect(listed.length).toBeGreaterThan(0);
    expect(unexplained).toEqual([]);
  });

  it('adds the conformance counts into the summary line, so a conformance failure shows there', () => {
    const jest = join(dir, 'jest.json');
    writeFileSync(
      jest,
      JSON.stringify({ numPassedTests: 10, numFailedTests: 0, numRuntimeErrorTestSuites: 0, numTotalTests: 10 }),
    );
    scenario('ping', 'SUCCESS');
    scenario('tools-list', 'FAILURE');
    const conf = join(dir, 'conf.json');
    writeFileSync(conf, JSON.stringify(conformanceResults(join(dir, 'out'), baseline('server: []\n'), 1)));
    const run = (...files: string[]) =>
      spawnSync(process.execPath, [join(root, 'scripts/jest-summary.js'), ...files], { encoding: 'utf8' });
    const failed = run(jest, conf);
    expect(failed.stdout.trim()).toBe('tests: 11 passed, 1 failed');
    expect(failed.status).toBe(1);
    // A run that wrote no results (Node 22 could not be installed) is a failure too.
    const missing = run(jest, join(dir, 'jest22.json'));
    expect(missing.stdout.trim()).toBe('tests: 10 passed, 1 failed');
    expect(missing.status).toBe(1);
  });
});
