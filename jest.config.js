// One jest config for every workspace; tests run from sources (no build needed for them).
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};
// ESM-only packages that Jest on Node 20 cannot require(): swc turns them into CJS.
const esmOnly = [
  'p-queue', 'p-timeout', 'eventemitter3', 'mdast-util-[^/]+', 'micromark[^/]*', 'unist-util-[^/]+', 'hast-util-[^/]+',
  'decode-named-character-reference', 'character-entities[^/]*', 'devlop', 'ccount', 'longest-streak',
  'markdown-table', 'zwitch', 'escape-string-regexp', 'oauth4webapi', 'env-paths', 'marked', 'unist-[^/]+',
  'vfile[^/]*', 'hastscript', 'property-information', 'space-separated-tokens', 'comma-separated-tokens',
  'web-namespaces', 'html-void-elements', 'trim-lines', 'rehype-[^/]+', 'parse5', 'entities', 'hast-[^/]+',
  'stringify-entities', 'bail', 'is-plain-obj', 'trough', 'unified', 'html-whitespace-sensitive-tag-names',
  'mdast-[^/]+', 'estree-util-[^/]+', 'gpt-tokenizer',
];
module.exports = {
  testEnvironment: 'node',
  // End-to-end suites spawn servers on a shared 2-core machine; they are slow there, not wrong.
  testTimeout: 30000,
  testMatch: ['<rootDir>/**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', swc] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '^@atlassian-mcp/core$': '<rootDir>/core/src/index.ts',
    '^@atlassian-mcp/core/testing$': '<rootDir>/core/src/testing/index.ts',
    '^@atlassian-mcp/config$': '<rootDir>/config/src/index.ts',
    '^@atlassian-mcp/sandbox$': '<rootDir>/test/sandbox/src/index.ts',
    '^@acme/atlassian-mcp-plugin-notes$': '<rootDir>/test/fixtures/notes-plugin/src/index.ts',
    '^@atlassian-mcp/plugin-jira$': '<rootDir>/plugins/jira/src/index.ts',
    '^open$': '<rootDir>/test/stubs/open.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
};
