export { createTestHarness, type TestHarness, type TestHarnessOptions } from './harness.js';
export { createTestHost, type TestHost, type TestHostOptions } from './test-host.js';
export { memoryMetadataCache } from './metadata-cache.js';
