// Prints the one plain line CI reads, from jest's --json output.
const fs = require('node:fs');
const file = process.argv[2] ?? 'jest-results.json';
let r;
try {
  r = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (e) {
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}
const failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
console.log(`tests: ${r.numPassedTests} passed, ${failed} failed`);
if (r.numTotalTests === 0) process.exit(1);
