// Prints the one plain line CI reads, from one or more jest --json outputs (the unit/e2e run and
// the install proof), and exits non-zero when a file is missing or no test ran.
const fs = require('node:fs');
const files = process.argv.slice(2);
if (files.length === 0) files.push('jest-results.json');
let passed = 0;
let failed = 0;
let total = 0;
for (const file of files) {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
    total += r.numTotalTests;
  } catch {
    failed += 1; // a run that wrote no results failed as a whole
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
if (total === 0 || failed > 0) process.exit(1);
