import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { SETUP_VARIABLES } from '../../core/src/cli/setup/server-entry';

const repo = resolve(__dirname, '../..');
const read = (f: string) => JSON.parse(readFileSync(join(repo, f), 'utf8')) as Record<string, unknown>;
const pkg = read('package.json') as { name: string; version: string; mcpName: string };
const schema = read('distribution/registry/server.schema.json');
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

interface EnvVar {
  name: string;
  description: string;
  isRequired: boolean;
  isSecret: boolean;
  placeholder?: string;
}
interface ServerJson {
  $schema: string;
  name: string;
  version: string;
  packages: { registryType: string; identifier: string; version: string; transport: { type: string } }[];
}
const server = read('server.json') as unknown as ServerJson;
const npmPackage = server.packages[0] as ServerJson['packages'][number] & { environmentVariables: EnvVar[] };

describe('server.json (the MCP registry entry)', () => {
  it("is valid against the registry's schema", () => {
    expect(validate(server) ? [] : validate.errors).toEqual([]);
    expect(server.$schema).toBe(schema.$id);
  });

  it('names this package: mcpName, version, npm identifier, stdio', () => {
    expect(server.name).toBe(pkg.mcpName);
    expect(server.version).toBe(pkg.version);
    expect(server.packages).toHaveLength(1);
    expect(npmPackage).toMatchObject({
      registryType: 'npm',
      identifier: pkg.name,
      version: pkg.version,
      transport: { type: 'stdio' },
    });
  });

  it('declares the variables `setup` writes, with their descriptions; secrets are marked and have no example', () => {
    const vars = npmPackage.environmentVariables;
    expect(vars.map((v) => v.name)).toEqual(Object.keys(SETUP_VARIABLES));
    for (const v of vars) {
      const spec = SETUP_VARIABLES[v.name as keyof typeof SETUP_VARIABLES];
      expect({ name: v.name, description: v.description, isSecret: v.isSecret }).toEqual({
        name: v.name,
        description: spec.description,
        isSecret: 'secret' in spec,
      });
      if (v.isSecret) expect(v.placeholder).toBeUndefined();
    }
    expect(vars.filter((v) => v.isRequired).map((v) => v.name)).toEqual(['ATLASSIAN_SITE_URL']);
  });

  it.each([
    ['a version range', { ...server, version: '^0.1.0' }],
    ['a package at "latest"', { ...server, packages: [{ ...npmPackage, version: 'latest' }] }],
    ['a description over 100 characters', { ...server, description: 'x'.repeat(101) }],
    ['a name without a namespace', { ...server, name: 'atlassian-mcp' }],
    ['an MCPB package without its SHA-256', { ...server, packages: [{ ...npmPackage, registryType: 'mcpb' }] }],
    ['an unknown package field', { ...server, packages: [{ ...npmPackage, registry_name: 'npm' }] }],
  ])('the schema refuses %s', (_what, bad) => {
    expect(validate(bad)).toBe(false);
  });
});
