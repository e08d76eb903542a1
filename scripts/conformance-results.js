'use strict';
// The conformance suite's outcome as counts CI adds to its one `tests: N passed, M failed` line
// (scripts/jest-summary.js reads the same fields as jest's --json output). One scenario is one
// test: it passes when it matches the baseline (passes and is not listed in
// conformance/expected-failures.yml, or fails and is listed there with its reason); it fails when it
// fails unexpectedly, when it passes while listed (a stale entry), or when its line gives no reason.
// A suite that exited non-zero without any such failure (it crashed, ran nothing) counts as one.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const yaml = require('js-yaml');

/** Server scenarios listed as expected failures, and the ones whose line has no `# reason`. */
function readBaseline(file) {
  const text = readFileSync(file, 'utf8');
  const listed = (yaml.load(text) ?? {}).server ?? [];
  const unexplained = [];
  for (const line of text.split('\n')) {
    const m = /^\s*-\s*([^\s#]+)\s*(?:#\s*(.*))?$/.exec(line);
    if (m && !(m[2] ?? '').trim()) unexplained.push(m[1]);
  }
  return { listed, unexplained };
}

/** Each scenario's checks (`<dir>/server-<scenario>-<timestamp>/checks.json`), by scenario name. */
function readScenarios(dir) {
  const out = new Map();
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const m = /^server-(.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$/.exec(e.name);
    if (!e.isDirectory() || !m) continue;
    try {
      out.set(m[1], JSON.parse(readFileSync(join(dir, e.name, 'checks.json'), 'utf8')));
    } catch {
      out.set(m[1], [{ status: 'FAILURE', errorMessage: 'no readable checks.json' }]);
    }
  }
  return out;
}

/** Jest-shaped counts plus the names behind each failure. */
function conformanceResults(outputDir, baselineFile, exitCode) {
  const { listed, unexplained } = readBaseline(baselineFile);
  const expected = new Set(listed);
  const scenarios = readScenarios(outputDir);
  const failures = [];
  let passed = 0;
  for (const [name, checks] of scenarios) {
    // The suite's own rule: a scenario with a FAILURE or a WARNING check failed.
    const failed = checks.some((c) => c.status === 'FAILURE' || c.status === 'WARNING');
    if (failed && !expected.has(name)) failures.push(`${name}: failed (not an expected failure)`);
    else if (!failed && expected.has(name)) failures.push(`${name}: passes but is listed as an expected failure`);
    else passed++;
  }
  for (const name of unexplained) failures.push(`${name}: expected failure without a reason`);
  if (failures.length === 0 && (exitCode !== 0 || scenarios.size === 0))
    failures.push(`the suite exited with ${exitCode} after ${scenarios.size} scenarios`);
  return {
    numPassedTests: passed,
    numFailedTests: failures.length,
    numRuntimeErrorTestSuites: 0,
    numTotalTests: passed + failures.length,
    failures,
  };
}

module.exports = { conformanceResults, readBaseline, readScenarios };
