import { chmodSync, copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { createTwoFilesPatch } from 'diff';
import { CLIENTS, type ClientId, type ClientSpec, type Place } from './clients.js';
import { SETUP_USAGE, type SetupArgs } from './setup-options.js';
import { mergeConfig, UnparsableConfigError, type ServerEntry } from './config-files.js';
import { envVars, launchCommand, placeholders, referencedSecrets, type SetupValues } from './server-entry.js';
import { printErr, printOut } from '../output.js';

function place(): Place {
  return { home: homedir(), cwd: process.cwd(), platform: process.platform, env: process.env };
}

/** Quotes a value for a POSIX shell command line. */
const sh = (v: string) => (/^[\w@%+=:,./-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);

/** The server entry `setup` writes for these options. */
export function entry(args: SetupValues): ServerEntry {
  return { name: args.name, ...launchCommand(args), vars: envVars(args) };
}

/** What the user still has to do: placeholders to replace, secrets to provide, the client to restart. */
function notes(client: ClientSpec, s: ServerEntry, file: string): string[] {
  const out: string[] = [];
  for (const e of placeholders(client, s.vars))
    out.push(`Replace ${e.example} (${e.name}) in ${file}: ${e.description}.`);
  for (const e of referencedSecrets(client, s.vars))
    out.push(
      client.format === 'vscode'
        ? `${e.name} is not in the file: VS Code asks for it once and keeps it.`
        : client.format === 'codex'
          ? `${e.name} is not in the file: Codex passes it on from its own environment (env_vars).`
          : `${e.name} is not in the file: ${client.label} fills in ${client.secretRef!(e.name)} when it starts the server.`,
    );
  out.push(client.then);
  return out;
}

/** The `claude mcp add` line for an entry (placeholders stand in for missing values). */
export function claudeMcpAdd(s: ServerEntry): string {
  const env = s.vars.flatMap((e) => ['-e', sh(`${e.name}=${e.value ?? e.example}`)]);
  return ['claude', 'mcp', 'add', sh(s.name), ...env, '--', ...[s.command, ...s.args].map(sh)].join(' ');
}

function printSnippet(client: ClientSpec, s: ServerEntry, file: string): number {
  if (client.id === 'claude-code') {
    printOut(`${client.label}: run\n\n  ${claudeMcpAdd(s)}\n`);
    printOut(`or share it with the project in ${file} (\`--write\` merges it there):\n`);
  } else printOut(`${client.label}: add this to ${file} (\`--write\` merges it for you)\n`);
  printOut(mergeConfig(client, undefined, s, file));
  for (const n of notes(client, s, file)) printOut(`- ${n}`);
  return 0;
}

function readExisting(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function writeConfig(client: ClientSpec, s: ServerEntry, file: string): number {
  const existing = readExisting(file);
  let next: string;
  try {
    next = mergeConfig(client, existing, s, file);
  } catch (e) {
    if (!(e instanceof UnparsableConfigError)) throw e;
    printErr(
      `atlassian-mcp: refusing to change ${e.message}.\nNothing was written; fix or move the file, then run setup again.`,
    );
    return 1;
  }
  if (next === existing) {
    printOut(`${file} already starts "${s.name}" this way; nothing to change.`);
    return 0;
  }
  printOut(
    createTwoFilesPatch(file, file, existing ?? '', next, existing === undefined ? '(new file)' : 'now', 'after setup'),
  );
  let backup: string | undefined;
  if (existing !== undefined) {
    backup = `${file}.bak-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    copyFileSync(file, backup);
  }
  const secretWritten = s.vars.some((e) => e.secret && e.value !== undefined);
  mkdirSync(dirname(file), { recursive: true });
  const mode = existing !== undefined ? statSync(file).mode & 0o777 : secretWritten ? 0o600 : 0o644;
  writeFileAtomic.sync(file, next, { mode });
  // A file that now holds a secret is for its owner only.
  if (secretWritten) chmodSync(file, 0o600);
  printOut(`Wrote ${file}${backup ? ` (the previous version is ${backup})` : ''}.`);
  for (const n of notes(client, s, file)) printOut(`- ${n}`);
  return 0;
}

/** `atlassian-mcp setup`: prints or writes one client's config; never reads a secret from the environment. */
export function runSetup(args: SetupArgs): number {
  if (!args.client) {
    printOut(SETUP_USAGE);
    return args.write ? 1 : 0;
  }
  const client = CLIENTS[args.client as ClientId];
  const s = entry(args);
  const file = args.file ?? client.file(place());
  return args.write ? writeConfig(client, s, file) : printSnippet(client, s, file);
}
