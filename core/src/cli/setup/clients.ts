import { join } from 'node:path';

/** The MCP clients `atlassian-mcp setup` knows, by the id given to `--client`. */
export const CLIENT_IDS = [
  'claude-desktop',
  'claude-code',
  'vscode',
  'cursor',
  'windsurf',
  'amazon-q',
  'continue',
  'cline',
  'codex',
] as const;
export type ClientId = (typeof CLIENT_IDS)[number];

/** Where the user's files are: HOME, the working directory (project-scoped clients), the OS. */
export interface Place {
  home: string;
  cwd: string;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
}

/**
 * How a client's config file is laid out:
 * - `mcpServers`: `{ "mcpServers": { name: { command, args, env } } }` (Claude Desktop and most others)
 * - `claude-code`: the same in a project's `.mcp.json`, with `"type": "stdio"`
 * - `vscode`: `{ "inputs": [...], "servers": { name: { type, command, args, env } } }`
 * - `codex`: TOML, `[mcp_servers.<name>]`
 * - `continue`: a YAML block file, `mcpServers: [{ name, command, args, env }]`
 */
export type ConfigFormat = 'mcpServers' | 'claude-code' | 'vscode' | 'codex' | 'continue';

/** One client: its config file, its layout, and how it lets a file refer to a secret instead of holding it. */
export interface ClientSpec {
  id: ClientId;
  label: string;
  format: ConfigFormat;
  file(place: Place): string;
  /**
   * How the file names a secret without holding it (`${env:NAME}`, `${input:…}`, …). Absent: the
   * client reads no references, so the file gets a placeholder the user replaces.
   */
  secretRef?(name: string): string;
  /** What to do after the file changed. */
  then: string;
}

/** A platform's per-user application data directory (macOS, Windows, XDG). */
function appData(place: Place): string {
  if (place.platform === 'darwin') return join(place.home, 'Library', 'Application Support');
  if (place.platform === 'win32') return place.env.APPDATA ?? join(place.home, 'AppData', 'Roaming');
  return place.env.XDG_CONFIG_HOME ?? join(place.home, '.config');
}

export const CLIENTS: Record<ClientId, ClientSpec> = {
  'claude-desktop': {
    id: 'claude-desktop',
    label: 'Claude Desktop',
    format: 'mcpServers',
    file: (p) => join(appData(p), 'Claude', 'claude_desktop_config.json'),
    then: 'Quit and reopen Claude Desktop.',
  },
  'claude-code': {
    id: 'claude-code',
    label: 'Claude Code',
    format: 'claude-code',
    file: (p) => join(p.cwd, '.mcp.json'),
    secretRef: (name) => `\${${name}}`,
    then: 'Start `claude` in this directory and approve the project server (`/mcp` shows it).',
  },
  vscode: {
    id: 'vscode',
    label: 'VS Code (GitHub Copilot Chat)',
    format: 'vscode',
    file: (p) => join(p.cwd, '.vscode', 'mcp.json'),
    secretRef: (name) => `\${input:${inputId(name)}}`,
    then: 'Open this folder in VS Code and start the server from mcp.json; it asks for the secret once.',
  },
  cursor: {
    id: 'cursor',
    label: 'Cursor',
    format: 'mcpServers',
    file: (p) => join(p.home, '.cursor', 'mcp.json'),
    secretRef: (name) => `\${env:${name}}`,
    then: 'Restart Cursor (Settings → MCP shows the server).',
  },
  windsurf: {
    id: 'windsurf',
    label: 'Windsurf',
    format: 'mcpServers',
    file: (p) => join(p.home, '.codeium', 'windsurf', 'mcp_config.json'),
    secretRef: (name) => `\${env:${name}}`,
    then: 'Refresh the MCP servers in Windsurf (Cascade → MCP).',
  },
  'amazon-q': {
    id: 'amazon-q',
    label: 'Amazon Q Developer',
    format: 'mcpServers',
    file: (p) => join(p.home, '.aws', 'amazonq', 'mcp.json'),
    then: 'Restart `q chat` (or the IDE plugin).',
  },
  continue: {
    id: 'continue',
    label: 'Continue',
    format: 'continue',
    file: (p) => join(p.cwd, '.continue', 'mcpServers', 'atlassian.yaml'),
    secretRef: (name) => `\${{ secrets.${name} }}`,
    then: 'Reload Continue; put the secret in .continue/.env (or ~/.continue/.env) as NAME=value.',
  },
  cline: {
    id: 'cline',
    label: 'Cline',
    format: 'mcpServers',
    file: (p) =>
      join(
        appData(p),
        'Code',
        'User',
        'globalStorage',
        'saoudrizwan.claude-dev',
        'settings',
        'cline_mcp_settings.json',
      ),
    then: 'Cline reloads its MCP settings on save.',
  },
  codex: {
    id: 'codex',
    label: 'Codex',
    format: 'codex',
    file: (p) => join(p.env.CODEX_HOME ?? join(p.home, '.codex'), 'config.toml'),
    // Codex forwards variables named in env_vars from its own environment (no ${…} syntax).
    secretRef: (name) => name,
    then: 'Start `codex` again (`/mcp` lists the server); export the secret in the shell that starts it.',
  },
};

/** The VS Code input id that holds a secret, e.g. `atlassian-api-token`. */
export function inputId(name: string): string {
  return name.toLowerCase().replace(/_/g, '-');
}
