'use strict';
// The package as users get it: `npm pack` of the repository, installed into a temporary global
// prefix (outside the repository, its own HOME and code cache), for the cold-start suite.
const { execFileSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const REPO = resolve(__dirname, '../..');

/** Packs and installs; returns the installed bin, the tarball's sizes and a cleanup. */
function installPackage(log) {
  const dir = mkdtempSync(join(tmpdir(), 'amcp-bench-install-'));
  const home = join(dir, 'home');
  mkdirSync(home);
  const env = { ...process.env, HOME: home, NODE_OPTIONS: '' };
  for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
  log('packing and installing the package into a temporary prefix …');
  const [report] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      cwd: REPO,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const prefix = join(dir, 'prefix');
  execFileSync(
    'npm',
    ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', join(dir, report.filename)],
    { cwd: home, env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return {
    bin: join(prefix, 'bin', 'atlassian-mcp'),
    cacheHome: join(home, '.cache'),
    tarballBytes: report.size,
    unpackedBytes: report.unpackedSize,
    files: report.entryCount,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

module.exports = { installPackage };
