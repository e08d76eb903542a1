import { cosmiconfig } from 'cosmiconfig';
import { dirname, resolve } from 'node:path';
import { applyEnvOverlay, ENV_VARS } from './env-overlay.js';
import { describeFileError } from './file-errors.js';
import type * as z from 'zod';
import { ConfigError, zodProblems, type ConfigProblem } from './errors.js';
import { didYouMean } from './suggest.js';
import { configSchema, type AtlassianMcpConfig } from './schema.js';

/** Where a loaded configuration came from. */
export interface LoadedConfig {
  config: AtlassianMcpConfig;
  /** The file, when one was found. */
  filepath?: string;
  /** Directory relative plugin paths resolve against (the file's, else the cwd). */
  baseDir: string;
  /** Whether the user listed plugins explicitly (file or ATLASSIAN_MODULES). */
  pluginsExplicit: boolean;
}

export interface LoadConfigOptions {
  /** `--config PATH`: load exactly this file. */
  configPath?: string;
  /** Where to start searching (default: cwd). */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Skip file discovery (env only). */
  noFile?: boolean;
}

const MODULE_NAME = 'atlassian-mcp';

function explorer() {
  // jiti (TypeScript and ESM config files on Node 20) loads only when such a file is found.
  let jiti: ReturnType<typeof import('jiti').createJiti> | undefined;
  const ts = (p: string) => {
    jiti ??= (require('jiti') as typeof import('jiti')).createJiti(__filename, {
      interopDefault: true,
      moduleCache: false,
    });
    return jiti.import(p, { default: true });
  };
  return cosmiconfig(MODULE_NAME, {
    searchStrategy: 'none',
    searchPlaces: [
      'package.json',
      `${MODULE_NAME}.config.ts`,
      `${MODULE_NAME}.config.mts`,
      `${MODULE_NAME}.config.cts`,
      `${MODULE_NAME}.config.mjs`,
      `${MODULE_NAME}.config.js`,
      `${MODULE_NAME}.config.cjs`,
      `${MODULE_NAME}.config.json`,
      `${MODULE_NAME}.config.yaml`,
      `${MODULE_NAME}.config.yml`,
      `.${MODULE_NAME}rc`,
      `.${MODULE_NAME}rc.json`,
      `.${MODULE_NAME}rc.yaml`,
    ],
    loaders: { '.ts': ts, '.mts': ts, '.cts': ts, '.mjs': ts, '.js': ts, '.cjs': ts },
  });
}

/** `acme.atlassian.net` means `https://acme.atlassian.net`. */
function withSiteScheme(raw: Record<string, unknown>): Record<string, unknown> {
  const site = raw.site as Record<string, unknown> | undefined;
  if (typeof site?.url !== 'string' || site.url === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(site.url)) return raw;
  return { ...raw, site: { ...site, url: `https://${site.url}` } };
}

/** Config paths each set environment variable writes (found by applying it alone). */
function envOrigins(env: NodeJS.ProcessEnv): Map<string, string> {
  const origins = new Map<string, string>();
  const leaves = (value: unknown, path: string[]): string[][] =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0
      ? Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]))
      : [path];
  for (const name of ENV_VARS) {
    if (env[name] === undefined || env[name]!.trim() === '') continue;
    try {
      for (const path of leaves(applyEnvOverlay({}, { [name]: env[name] }), [])) origins.set(path.join('.'), name);
    } catch {
      // A variable the overlay refuses reports itself.
    }
  }
  return origins;
}

/** A bad value that came from an environment variable is that variable's problem, not the file's. */
function blameTheEnvironment(error: ConfigError, env: NodeJS.ProcessEnv, filepath: string | undefined): ConfigError {
  const origins = envOrigins(env);
  let fromEnv = 0;
  const problems = error.problems.map((p) => {
    const name = [...origins].find(([path]) => p.path === path || p.path.startsWith(`${path}.`))?.[1];
    if (!name) return p;
    fromEnv++;
    return { path: `${name} (${p.path})`, message: p.message };
  });
  const source =
    fromEnv === problems.length ? 'the environment' : filepath ? `${filepath} and the environment` : undefined;
  return new ConfigError(problems, fromEnv > 0 ? source : filepath);
}

/** cosmiconfig names the file it failed on in its message ("JSON Error in /path:"). */
function fileOfError(e: unknown): string | undefined {
  return /Error in (.+?):(\n|$)/.exec(e instanceof Error ? e.message : '')?.[1];
}

/** Validates a raw object (file contents plus env overlay) into a config. Reports every problem. */
export function parseConfig(raw: unknown, source?: string): AtlassianMcpConfig {
  const result = configSchema.safeParse(raw ?? {});
  if (!result.success) throw new ConfigError(withSuggestions(result.error), source);
  return result.data;
}

type Def = { type: string; shape?: Record<string, unknown>; innerType?: { _zod: { def: Def } } };

/** The keys the schema allows at `path` (objects only; defaults and optionals unwrapped). */
function keysAt(path: PropertyKey[]): string[] {
  let def = (configSchema as unknown as { _zod: { def: Def } })._zod.def;
  const unwrap = () => {
    while ((def.type === 'default' || def.type === 'optional') && def.innerType) def = def.innerType._zod.def;
  };
  unwrap();
  for (const key of path) {
    const next = def.type === 'object' ? (def.shape?.[String(key)] as { _zod: { def: Def } } | undefined) : undefined;
    if (!next) return [];
    def = next._zod.def;
    unwrap();
  }
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

/** Problems, with "did you mean" on unknown keys (`readonly` → `readOnly`). */
function withSuggestions(error: z.ZodError): ConfigProblem[] {
  const problems = zodProblems(error);
  error.issues.forEach((issue, i) => {
    if (issue.code !== 'unrecognized_keys') return;
    const known = keysAt(issue.path);
    const keys = issue.keys.map((k) => `"${k}"${didYouMean(k, known)}`);
    problems[i] = { ...problems[i]!, message: `unknown key${keys.length === 1 ? '' : 's'} ${keys.join(', ')}` };
  });
  return problems;
}

/** Finds (cosmiconfig), loads (`.ts` too, on Node 20), overlays env, validates. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  let raw: Record<string, unknown> = {};
  let filepath: string | undefined;
  if (!options.noFile) {
    const ex = explorer();
    let found: { config: unknown; filepath: string } | null;
    try {
      found = options.configPath ? await ex.load(resolve(cwd, options.configPath)) : await ex.search(cwd);
    } catch (e) {
      const file = options.configPath ? resolve(cwd, options.configPath) : fileOfError(e);
      throw new ConfigError([{ path: '(file)', message: describeFileError(file, e) }], file);
    }
    if (found) {
      filepath = found.filepath;
      const value = found.config;
      if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
        throw new ConfigError(
          [{ path: '(root)', message: 'expected an object (export default defineConfig({...}))' }],
          filepath,
        );
      }
      raw = (value ?? {}) as Record<string, unknown>;
    }
  }
  const overlaid = withSiteScheme(applyEnvOverlay(raw, env));
  let config: AtlassianMcpConfig;
  try {
    config = parseConfig(overlaid, filepath);
  } catch (e) {
    throw e instanceof ConfigError ? blameTheEnvironment(e, env, filepath) : e;
  }
  return {
    config,
    filepath,
    baseDir: filepath ? dirname(filepath) : cwd,
    pluginsExplicit: overlaid.plugins !== undefined,
  };
}
