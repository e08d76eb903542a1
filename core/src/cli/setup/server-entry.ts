import { realpathSync } from 'node:fs';
import type { ClientSpec } from './clients.js';

/** What the user told `setup` (flags; non-secret values may also come from the environment). */
export interface SetupValues {
  auth: 'api-token' | 'oauth';
  site?: string;
  email?: string;
  clientId?: string;
  modules?: string;
  /** Secrets: written only when passed explicitly, never taken from the environment. */
  apiToken?: string;
  clientSecret?: string;
  /** Start the installed package (absolute node + script) instead of `npx -y atlassian-mcp`. */
  installed: boolean;
  name: string;
}

/** One environment variable of the server entry. */
export interface EnvVar {
  name: string;
  /** A value the user gave. */
  value?: string;
  secret: boolean;
  /** What a placeholder says when no value was given. */
  example: string;
  description: string;
}

/** The seed's variables, with what each means and which are secrets (also the MCP bundle's and registry's). */
export const SETUP_VARIABLES = {
  ATLASSIAN_SITE_URL: { example: 'https://your-domain.atlassian.net', description: 'Your Atlassian site URL' },
  ATLASSIAN_EMAIL: { example: 'you@example.com', description: 'Your Atlassian account email (API-token auth)' },
  ATLASSIAN_API_TOKEN: {
    example: '<your-api-token>',
    description: 'An API token from https://id.atlassian.com/manage-profile/security/api-tokens',
    secret: true,
  },
  ATLASSIAN_CLIENT_ID: { example: '<your-oauth-client-id>', description: 'OAuth 2.0 (3LO) app client id' },
  ATLASSIAN_CLIENT_SECRET: {
    example: '<your-oauth-client-secret>',
    description: 'OAuth 2.0 (3LO) app client secret',
    secret: true,
  },
  ATLASSIAN_MODULES: { example: 'jira', description: 'Which products to load, e.g. jira,confluence,service_desk' },
} as const;

type VarName = keyof typeof SETUP_VARIABLES;

function variable(name: VarName, value: string | undefined): EnvVar {
  const { example, description } = SETUP_VARIABLES[name];
  const secret = 'secret' in SETUP_VARIABLES[name];
  return { name, value: value?.trim() || undefined, secret, example, description };
}

/** The variables the entry carries for the chosen auth method. */
export function envVars(v: SetupValues): EnvVar[] {
  const vars = [variable('ATLASSIAN_SITE_URL', v.site)];
  if (v.auth === 'oauth')
    vars.push(variable('ATLASSIAN_CLIENT_ID', v.clientId), variable('ATLASSIAN_CLIENT_SECRET', v.clientSecret));
  else vars.push(variable('ATLASSIAN_EMAIL', v.email), variable('ATLASSIAN_API_TOKEN', v.apiToken));
  if (v.modules) vars.push(variable('ATLASSIAN_MODULES', v.modules));
  return vars;
}

/** How the client starts the server. */
export function launchCommand(v: SetupValues, script = process.argv[1]): { command: string; args: string[] } {
  if (!v.installed || !script) return { command: 'npx', args: ['-y', 'atlassian-mcp'] };
  // Absolute paths: GUI clients often start without the shell's PATH (nvm, Homebrew).
  return { command: process.execPath, args: [realpathSync(script)] };
}

/** A variable's text in the client's file: the value given, a reference to a secret, or a placeholder. */
export function envText(client: ClientSpec, e: EnvVar): string {
  if (e.value !== undefined) return e.value;
  if (e.secret && client.secretRef) return client.secretRef(e.name);
  return e.example;
}

/** Variables the user must still fill in by hand (no value, no reference the client resolves). */
export function placeholders(client: ClientSpec, vars: EnvVar[]): EnvVar[] {
  return vars.filter((e) => e.value === undefined && !(e.secret && client.secretRef));
}

/** Secrets the client resolves from elsewhere (its environment, a prompt, a secrets file). */
export function referencedSecrets(client: ClientSpec, vars: EnvVar[]): EnvVar[] {
  return vars.filter((e) => e.value === undefined && e.secret && client.secretRef);
}
