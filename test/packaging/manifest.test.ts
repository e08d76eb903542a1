import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  name: string;
  private?: boolean;
  bin: Record<string, string>;
  files: string[];
  dependencies: Record<string, string>;
  engines: { node: string };
};

describe('the published manifest (package.json)', () => {
  it('is the installable `atlassian-mcp` with its bin, for Node ≥ 20.19', () => {
    expect(pkg.name).toBe('atlassian-mcp');
    expect(pkg.private).toBeUndefined();
    expect(pkg.bin).toEqual({ 'atlassian-mcp': 'bin/atlassian-mcp.js' });
    expect(pkg.engines.node).toBe('>=20.19');
  });

  it('pins every runtime dependency exactly (the rest is bundled into dist/)', () => {
    const loose = Object.entries(pkg.dependencies).filter(([, v]) => !/^\d+\.\d+\.\d+$/.test(v));
    expect(loose).toEqual([]);
  });

  it('ships an allowlist: the launcher, the build, the prompts and the changelog', () => {
    expect(pkg.files).toEqual(['bin/atlassian-mcp.js', 'bin/load-bundle.js', 'dist/', 'prompts/', 'CHANGELOG.md']);
    for (const f of pkg.files.filter((f) => !f.startsWith('dist'))) expect(existsSync(join(repo, f))).toBe(true);
  });

  it('bundles every first-party plugin under plugins/ (the one list is the directory)', () => {
    const dirs = readdirSync(join(repo, 'plugins')).filter((d) => existsSync(join(repo, 'plugins', d, 'package.json')));
    const { FIRST_PARTY_PLUGINS } = require('@atlassian-mcp/config') as { FIRST_PARTY_PLUGINS: readonly string[] };
    for (const id of dirs) {
      expect(FIRST_PARTY_PLUGINS).toContain(id);
      const name = (JSON.parse(readFileSync(join(repo, 'plugins', id, 'package.json'), 'utf8')) as { name: string })
        .name;
      expect(name).toBe(`@atlassian-mcp/plugin-${id}`);
    }
  });
});
