#!/usr/bin/env node
// `npm run bundle`: the one-click MCP Bundle (atlassian-mcp-<version>.mcpb) for Claude Desktop and
// other MCPB hosts, built from what `npm pack` ships (run `npm run build` first):
//   1. pack the package and unpack it into a staging directory as server/
//   2. install its pinned runtime dependencies there (plus the OS keychain's native module for
//      macOS and Windows, so the bundle is one file for every platform)
//   3. write manifest.json (distribution/mcpb-manifest.mjs), listing the tools and prompts that
//      the staged server itself reports over stdio
//   4. `mcpb validate` and `mcpb pack`
// Needs the npm registry (step 2), like `npm ci`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleManifest, listCapabilities } from './mcpb-manifest.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// The package exports no path to its CLI script: the devDependency's own file, run with this node.
const mcpbCli = join(root, 'node_modules', '@anthropic-ai', 'mcpb', 'dist', 'cli', 'cli.js');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Native keychain builds shipped for the desktop platforms MCPB hosts run on. */
const KEYRING_PLATFORMS = ['darwin-arm64', 'darwin-x64', 'win32-x64-msvc', 'win32-arm64-msvc', 'linux-x64-gnu'];

function sh(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Parts of installed packages that nothing loads at run time (other module formats, sources, types). */
const UNUSED = ['gpt-tokenizer/esm', 'gpt-tokenizer/src', 'gpt-tokenizer/data', 'zod/src'];

function prune(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) prune(p);
    else if (/\.(d\.[cm]?ts|map)$/.test(e.name)) rmSync(p);
  }
}

/** Unpacks `npm pack`'s tarball of the package into `server`, with its runtime dependencies. */
function stageServer(stage) {
  const [report] = JSON.parse(sh(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', stage], root));
  const server = join(stage, 'server');
  mkdirSync(server);
  sh('tar', ['-xzf', join(stage, report.filename), '-C', server, '--strip-components=1'], stage);
  rmSync(join(stage, report.filename));
  // What the bundle's npm install needs to know: the pinned runtime dependencies, nothing more.
  const staged = JSON.parse(readFileSync(join(server, 'package.json'), 'utf8'));
  const keyring = staged.dependencies['@napi-rs/keyring'];
  const natives = Object.fromEntries(KEYRING_PLATFORMS.map((p) => [`@napi-rs/keyring-${p}`, keyring]));
  const { name, version, license, bin, engines, dependencies } = staged;
  writeFileSync(
    join(server, 'package.json'),
    JSON.stringify({ name, version, license, bin, engines, dependencies: { ...dependencies, ...natives } }, null, 2),
  );
  // --force: the other platforms' keychain builds install although they do not run here.
  sh(
    npm,
    ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--force', '--no-package-lock'],
    server,
  );
  writeFileSync(
    join(server, 'package.json'),
    JSON.stringify({ name, version, license, bin, engines, dependencies }, null, 2),
  );
  for (const u of UNUSED) rmSync(join(server, 'node_modules', u), { recursive: true, force: true });
  prune(join(server, 'node_modules'));
  return report;
}

export async function buildBundle() {
  const stage = mkdtempSync(join(tmpdir(), 'atlassian-mcp-mcpb-'));
  try {
    const packed = stageServer(stage);
    const entry = join(stage, 'server', 'bin', 'atlassian-mcp.js');
    const capabilities = await listCapabilities(entry);
    const manifest = bundleManifest(pkg, capabilities);
    writeFileSync(join(stage, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    for (const f of ['README.md', 'LICENSE']) writeFileSync(join(stage, f), readFileSync(join(root, f)));
    sh(process.execPath, [mcpbCli, 'validate', join(stage, 'manifest.json')], stage);
    const out = join(root, `${pkg.name}-${pkg.version}.mcpb`);
    rmSync(out, { force: true });
    sh(process.execPath, [mcpbCli, 'pack', stage, out], stage);
    return { file: out, bytes: statSync(out).size, tarballBytes: packed.size, manifest };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await buildBundle();
  process.stderr.write(
    `bundle: ${r.file} ${(r.bytes / 1024 / 1024).toFixed(1)} MiB (${r.manifest.tools.length} tools, ${r.manifest.prompts.length} prompts)\n`,
  );
}
