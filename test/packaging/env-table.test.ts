import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ENV_VARS } from '@atlassian-mcp/config';

const { envTable, withTable } = require('../../distribution/env-table.js') as {
  envTable(vars: string[], schema: unknown): string;
  withTable(readme: string, table: string): string;
};

const repo = resolve(__dirname, '../..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const schema = JSON.parse(readFileSync(join(repo, 'config/schema.json'), 'utf8')) as unknown;

describe("README's environment variable table (generated from the config schema)", () => {
  it('is what distribution/env-table.js generates (run `node distribution/env-table.js --write`)', () => {
    expect(readme).toBe(withTable(readme, envTable([...ENV_VARS], schema)));
  });

  it('documents every variable the config overlay reads', () => {
    const table = envTable([...ENV_VARS], schema);
    for (const name of ENV_VARS) expect(table).toContain(`| \`${name}\` |`);
  });

  it('a variable read without a row in the generator fails the build', () => {
    expect(() => envTable([...ENV_VARS, 'ATLASSIAN_NEW_THING'], schema)).toThrow(/no row for ATLASSIAN_NEW_THING/);
  });
});
