export { createTestHarness, type TestHarness, type TestHarnessOptions } from './harness.js';
