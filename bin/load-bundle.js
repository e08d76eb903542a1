'use strict';
// Loads dist/atlassian-mcp.js as a CommonJS module with a V8 code cache: the compiled bytecode of
// one run is kept in the user's cache directory, so the next start skips parsing and compiling
// (Node 22's module.enableCompileCache does the same, but Node 20 has none). The cache is only an
// optimisation: any problem with it means compiling as usual, never a failed start.
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const { homedir } = require('node:os');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

/** The per-user cache directory (never a shared temp directory: bytecode from there is code). */
function cacheDir(env = process.env) {
  if (process.platform === 'win32')
    return join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'atlassian-mcp', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'atlassian-mcp');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'atlassian-mcp');
}

/** Only a directory or file that is ours and that no one else can write is trusted. */
function trusted(stat) {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

function readCache(file) {
  try {
    if (!trusted(fs.statSync(dirname(file))) || !trusted(fs.statSync(file))) return undefined;
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCache(file, data) {
  try {
    const dir = dirname(file);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!trusted(fs.statSync(dir))) return;
    const base = file.slice(dir.length + 1).split('-')[0];
    for (const old of fs.readdirSync(dir))
      if (old.startsWith(`${base}-`) && old !== file.slice(dir.length + 1)) fs.rmSync(join(dir, old), { force: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data, { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch {
    // A read-only home or a full disk: start from source next time too.
  }
}

/** Requires `file` (a CommonJS bundle), using and refreshing the code cache. */
function loadBundle(file, env = process.env) {
  const source = fs.readFileSync(file, 'utf8');
  const key = createHash('sha256').update(source).update(process.version).update(process.arch).digest('hex');
  const cacheFile = join(cacheDir(env), `bundle-${key.slice(0, 32)}.v8`);
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (!cachedData || script.cachedDataRejected)
    // At exit the cache holds every function this run compiled, not only the top level.
    process.once('exit', () => writeCache(cacheFile, script.createCachedData()));
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(dirname(file));
  require.cache[file] = m;
  script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, dirname(file));
  m.loaded = true;
  return m.exports;
}

module.exports = { loadBundle, cacheDir };
