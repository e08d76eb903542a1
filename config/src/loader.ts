import { cosmiconfig } from 'cosmiconfig';
import { dirname, resolve } from 'node:path';
import { applyEnvOverlay } from './env-overlay.js';
import { ConfigError, zodProblems } from './errors.js';
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

/** Validates a raw object (file contents plus env overlay) into a config. Reports every problem. */
export function parseConfig(raw: unknown, source?: string): AtlassianMcpConfig {
  const result = configSchema.safeParse(raw ?? {});
  if (!result.success) throw new ConfigError(zodProblems(result.error), source);
  return result.data;
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
      throw new ConfigError([{ path: '(file)', message: (e as Error).message.split('\n')[0]! }], options.configPath);
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
  const overlaid = applyEnvOverlay(raw, env);
  const config = parseConfig(overlaid, filepath);
  return {
    config,
    filepath,
    baseDir: filepath ? dirname(filepath) : cwd,
    pluginsExplicit: overlaid.plugins !== undefined,
  };
}
