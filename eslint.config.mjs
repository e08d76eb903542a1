// House rules, written down. `npm run lint` (and CI) fail on any error.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinRules } from 'eslint/use-at-your-own-risk';

// The same rule twice: a warning at 300 lines (aim), an error at 500 (never).
const house = { rules: { 'max-lines': builtinRules.get('max-lines') } };

const restrictedInPlugins = {
  patterns: [
    {
      group: ['tsyringe'],
      message: 'Plugins import inject/Service from @atlassian-mcp/core (one registry, one copy).',
    },
    {
      group: ['@atlassian-mcp/sandbox', '**/test/sandbox/**'],
      message: 'The sandbox is for tests, bench, demo and the CLI only.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**', 'coverage/**', 'bench/results/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        require: 'readonly',
        module: 'writable',
        exports: 'writable',
        fetch: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      'max-lines': ['error', { max: 500 }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-empty-object-type': 'off',
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
    },
  },
  {
    // A source file over 300 lines is a warning (split it by domain noun when it next changes); over 500, an error.
    files: ['core/src/**/*.ts', 'config/src/**/*.ts', 'plugins/*/src/**/*.ts', 'test/sandbox/src/**/*.ts'],
    plugins: { house },
    rules: { 'max-lines': ['warn', { max: 300 }], 'house/max-lines': ['error', { max: 500 }] },
  },
  {
    files: ['plugins/*/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', restrictedInPlugins] },
  },
  {
    files: ['core/src/**/*.ts'],
    ignores: ['core/src/cli/**', 'core/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@atlassian-mcp/plugin-*', '**/plugins/**'], message: 'Core never imports plugins.' },
            {
              group: ['@atlassian-mcp/sandbox', '**/test/sandbox/**'],
              message: 'The sandbox is for tests, bench, demo and the CLI only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/test/**/*.ts', 'bench/**', 'scripts/**', '**/*.cjs', '**/*.mjs', '**/*.js'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'preserve-caught-error': 'off' },
  },
  {
    // Generated-corpus authoring scripts are data, not code to split.
    files: ['**/fixtures/**'],
    rules: { 'max-lines': 'off' },
  },
);
