import { delimiter } from 'node:path';
import { ConfigError } from './errors.js';

/**
 * Environment variables override the file. The seed's variables keep working, so its users can
 * switch without touching their MCP client config.
 */
type Raw = Record<string, unknown>;

const FIRST_PARTY_MODULES: Record<string, string> = {
  jira: 'jira',
  confluence: 'confluence',
  service_desk: 'service-desk',
  'service-desk': 'service-desk',
  servicedesk: 'service-desk',
};

const list = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
/** The spellings a boolean variable accepts (case-insensitive); anything else stops start-up. */
export const ENV_TRUE = ['true', '1', 'yes', 'on'] as const;
export const ENV_FALSE = ['false', '0', 'no', 'off'] as const;

/**
 * A boolean from the environment. A switch such as ATLASSIAN_READ_ONLY must never fail open:
 * `y`, `enabled` or `ja` are refused with the variable's name instead of read as false.
 */
function bool(name: string, v: string): boolean {
  const word = v.trim().toLowerCase();
  if ((ENV_TRUE as readonly string[]).includes(word)) return true;
  if ((ENV_FALSE as readonly string[]).includes(word)) return false;
  throw new ConfigError([
    {
      path: name,
      message: `${JSON.stringify(v)} is not a boolean; use one of ${[...ENV_TRUE, ...ENV_FALSE].join(', ')}`,
    },
  ]);
}

function set(obj: Raw, path: string[], value: unknown): void {
  let cur = obj;
  for (const key of path.slice(0, -1)) {
    if (typeof cur[key] !== 'object' || cur[key] === null) cur[key] = {};
    cur = cur[key] as Raw;
  }
  cur[path[path.length - 1]!] = value;
}

/** The names of the environment variables we read, for docs and `doctor`. */
export const ENV_VARS = [
  'ATLASSIAN_SITE_URL',
  'ATLASSIAN_CLOUD_ID',
  'ATLASSIAN_EMAIL',
  'ATLASSIAN_API_TOKEN',
  'ATLASSIAN_SCOPED_TOKEN',
  'ATLASSIAN_CLIENT_ID',
  'ATLASSIAN_CLIENT_SECRET',
  'ATLASSIAN_REDIRECT_URI',
  'ATLASSIAN_AUTH_TYPE',
  'ATLASSIAN_MODULES',
  'ATLASSIAN_READ_ONLY',
  'ATLASSIAN_TOOLSETS',
  'ATLASSIAN_ENABLED_TOOLS',
  'ATLASSIAN_DISABLED_TOOLS',
  'ATLASSIAN_ALLOW_DESTRUCTIVE',
  'ATLASSIAN_API_GATEWAY_URL',
  'ATLASSIAN_AUTH_URL',
  'ATLASSIAN_AUDIT_FILE',
  'ATLASSIAN_CREDENTIAL_STORE',
  'ATLASSIAN_MCP_LOG_LEVEL',
  'ATLASSIAN_FILES_ALLOWED_DIRS',
  'ATLASSIAN_MCP_PUBLIC_URL',
  'ATLASSIAN_MCP_ALLOWED_ORIGINS',
  'ATLASSIAN_MCP_ALLOWED_HOSTS',
  'ATLASSIAN_MCP_REDIS_URL',
  'ATLASSIAN_MCP_VAULT_KEYS',
] as const;

/** Applies environment overrides to a raw (unvalidated) config object; returns a new object. */
export function applyEnvOverlay(raw: Raw, env: NodeJS.ProcessEnv = process.env): Raw {
  const out: Raw = structuredClone(raw);
  const e = (k: string) => {
    const v = env[k];
    return v === undefined || v.trim() === '' ? undefined : v;
  };
  let v: string | undefined;
  if ((v = e('ATLASSIAN_SITE_URL'))) set(out, ['site', 'url'], v.replace(/\/+$/, ''));
  if ((v = e('ATLASSIAN_CLOUD_ID'))) set(out, ['site', 'cloudId'], v);
  if ((v = e('ATLASSIAN_API_GATEWAY_URL'))) set(out, ['site', 'apiGatewayUrl'], v.replace(/\/+$/, ''));
  if ((v = e('ATLASSIAN_AUTH_URL'))) set(out, ['site', 'authUrl'], v.replace(/\/+$/, ''));
  if ((v = e('ATLASSIAN_EMAIL'))) set(out, ['auth', 'email'], v);
  if ((v = e('ATLASSIAN_AUTH_TYPE'))) set(out, ['auth', 'type'], v);
  if ((v = e('ATLASSIAN_SCOPED_TOKEN'))) set(out, ['auth', 'scopedToken'], bool('ATLASSIAN_SCOPED_TOKEN', v));
  if ((v = e('ATLASSIAN_CLIENT_ID'))) set(out, ['auth', 'oauth', 'clientId'], v);
  if ((v = e('ATLASSIAN_REDIRECT_URI'))) set(out, ['auth', 'oauth', 'redirectUri'], v);
  if ((v = e('ATLASSIAN_CREDENTIAL_STORE'))) set(out, ['auth', 'store'], v);
  if ((v = e('ATLASSIAN_READ_ONLY'))) out.readOnly = bool('ATLASSIAN_READ_ONLY', v);
  if ((v = e('ATLASSIAN_ALLOW_DESTRUCTIVE'))) out.allowDestructive = bool('ATLASSIAN_ALLOW_DESTRUCTIVE', v);
  if ((v = e('ATLASSIAN_TOOLSETS'))) out.toolsets = list(v);
  if ((v = e('ATLASSIAN_ENABLED_TOOLS'))) out.enabledTools = list(v);
  if ((v = e('ATLASSIAN_DISABLED_TOOLS'))) out.disabledTools = list(v);
  if ((v = e('ATLASSIAN_AUDIT_FILE'))) set(out, ['audit', 'file'], v);
  if ((v = e('ATLASSIAN_MCP_LOG_LEVEL'))) out.logLevel = v;
  // Directories are separated like PATH entries (":" on POSIX, ";" on Windows): a comma may be in a name.
  if ((v = e('ATLASSIAN_FILES_ALLOWED_DIRS')))
    set(
      out,
      ['files', 'allowedDirs'],
      v
        .split(delimiter)
        .map((d) => d.trim())
        .filter(Boolean),
    );
  if ((v = e('ATLASSIAN_MCP_PUBLIC_URL'))) set(out, ['hosted', 'publicUrl'], v.replace(/\/+$/, ''));
  if ((v = e('ATLASSIAN_MCP_ALLOWED_ORIGINS'))) set(out, ['hosted', 'allowedOrigins'], list(v));
  if ((v = e('ATLASSIAN_MCP_ALLOWED_HOSTS'))) set(out, ['hosted', 'allowedHosts'], list(v));
  if ((v = e('ATLASSIAN_MODULES'))) {
    // The seed's module switch: keeps third-party plugins from the file, replaces the first-party set.
    const wanted = new Set(list(v).map((m) => FIRST_PARTY_MODULES[m.toLowerCase()] ?? m));
    const plugins: Raw = {};
    const current = (out.plugins ?? {}) as Raw;
    for (const [spec, cfg] of Object.entries(current)) {
      if (!isFirstParty(spec)) plugins[spec] = cfg;
    }
    for (const id of wanted) plugins[id] = current[id] ?? {};
    out.plugins = plugins;
  }
  return out;
}

/** First-party plugin ids (config keys that need no package name). */
export const FIRST_PARTY_PLUGINS = ['jira', 'confluence', 'service-desk'] as const;

export function isFirstParty(spec: string): boolean {
  return (FIRST_PARTY_PLUGINS as readonly string[]).includes(spec);
}
