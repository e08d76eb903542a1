import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const repo = resolve(__dirname, '../..');
export const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};
export const version = manifest.version;
const exec = promisify(execFile);

/** A process environment with nothing of the repository or the user's Atlassian settings in it. */
export function cleanEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(ATLASSIAN_|NODE_OPTIONS$|NODE_PATH$|npm_|INIT_CWD$|JEST_)/i.test(k)) env[k] = v;
  return { ...env, HOME: home, USERPROFILE: home, XDG_CACHE_HOME: join(home, '.cache'), ...extra };
}

export interface Run {
  stdout: string;
  stderr: string;
  code: number;
}

export async function run(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; timeout?: number },
) {
  try {
    const r = await exec(cmd, args, { ...opts, timeout: opts.timeout ?? 120000, maxBuffer: 64 * 1024 * 1024 });
    return { stdout: r.stdout, stderr: r.stderr, code: 0 } as Run;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; code?: number };
    return {
      stdout: err.stdout ?? '',
      stderr: err.stderr ?? '',
      code: typeof err.code === 'number' ? err.code : 1,
    } as Run;
  }
}

/** A scratch directory outside the repository, with its own HOME. */
export function scratch(): { dir: string; home: string } {
  const dir = mkdtempSync(join(tmpdir(), 'amcp-install-'));
  const home = join(dir, 'home');
  mkdirSync(home);
  return { dir, home };
}

/** `npm pack` of a package directory into `dest`; returns the tarball's path and npm's report. */
export async function pack(dir: string, dest: string, env: NodeJS.ProcessEnv) {
  const r = await run('npm', ['pack', '--json', '--pack-destination', dest], { cwd: dir, env });
  if (r.code !== 0) throw new Error(`npm pack failed in ${dir}:\n${r.stderr}`);
  const [report] = JSON.parse(r.stdout) as {
    filename: string;
    size: number;
    unpackedSize: number;
    files: { path: string }[];
  }[];
  return { tarball: join(dest, report!.filename), ...report! };
}
