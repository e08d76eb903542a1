import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const loader = resolve(__dirname, '../../bin/load-bundle.js');

/** Loads a small bundle through bin/load-bundle.js in a fresh node, with the cache under `cacheHome`. */
function load(bundle: string, cacheHome: string): string {
  const script = `process.stdout.write(String(require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(bundle)}).answer))`;
  return execFileSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: cacheHome },
  });
}

function fixture() {
  const dir = mkdtempSync(join(tmpdir(), 'amcp-load-'));
  const bundle = join(dir, 'bundle.js');
  writeFileSync(
    bundle,
    `'use strict';\nexports.answer = [40, 2].reduce((a, b) => a + b, 0) + (module.filename === __filename ? 0 : 1);\n`,
  );
  return { dir, bundle, cacheHome: join(dir, 'cache') };
}

const posix = process.platform !== 'win32';

describe('bin/load-bundle.js (the bundle loader and its code cache)', () => {
  it('loads the bundle as a CommonJS module and leaves a private code cache behind', () => {
    const { bundle, cacheHome } = fixture();
    expect(load(bundle, cacheHome)).toBe('42');
    const cacheDir = join(cacheHome, 'atlassian-mcp');
    const files = readdirSync(cacheDir);
    expect(files).toEqual([expect.stringMatching(/^bundle-[0-9a-f]{32}\.v8$/)]);
    if (posix) {
      expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
      expect(statSync(join(cacheDir, files[0]!)).mode & 0o777).toBe(0o600);
    }
    expect(load(bundle, cacheHome)).toBe('42');
  });

  it('replaces the cache of an older bundle instead of piling caches up', () => {
    const { bundle, cacheHome } = fixture();
    load(bundle, cacheHome);
    writeFileSync(bundle, `'use strict';\nexports.answer = 43;\n`);
    expect(load(bundle, cacheHome)).toBe('43');
    expect(readdirSync(join(cacheHome, 'atlassian-mcp'))).toHaveLength(1);
  });

  it('compiles as usual when the cache is garbage', () => {
    const { bundle, cacheHome } = fixture();
    load(bundle, cacheHome);
    const cacheDir = join(cacheHome, 'atlassian-mcp');
    const [file] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, file!), 'not bytecode', { mode: 0o600 });
    expect(load(bundle, cacheHome)).toBe('42');
  });

  (posix ? it : it.skip)('neither reads nor writes a cache directory others can write to', () => {
    const { bundle, cacheHome } = fixture();
    const cacheDir = join(cacheHome, 'atlassian-mcp');
    mkdirSync(cacheDir, { recursive: true });
    chmodSync(cacheDir, 0o777);
    expect(load(bundle, cacheHome)).toBe('42');
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});
