// The install proof (CI only, `.ci/run`): packs the package, installs it into a temporary global
// prefix outside the repository and drives the installed binary. Slow and needs the npm registry,
// so it is not part of the default `npx jest` run.
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/install/**/*.install.ts'],
  testTimeout: 180000,
  // One at a time: the package test's `npm pack` rebuilds dist/, which the bundle test packs from.
  maxWorkers: 1,
};
