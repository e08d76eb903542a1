import { isDeepStrictEqual } from 'node:util';
import { applyEdits, modify, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parse as parseToml, stringify as stringifyToml, TomlError } from 'smol-toml';
import { dump as dumpYaml, load as loadYaml } from 'js-yaml';
import { inputId, type ClientSpec } from './clients.js';
import { envText, type EnvVar } from './server-entry.js';

/** A config file `setup` will not touch: it could not be read as its format (the user's file stays as it is). */
export class UnparsableConfigError extends Error {}

/** What goes into the file for our server. */
export interface ServerEntry {
  name: string;
  command: string;
  args: string[];
  vars: EnvVar[];
}

type Json = Record<string, unknown>;

const env = (client: ClientSpec, vars: EnvVar[]) => Object.fromEntries(vars.map((e) => [e.name, envText(client, e)]));

/** The entry as the client's format spells it (a JSON/TOML/YAML value). */
export function entryValue(client: ClientSpec, s: ServerEntry): Json {
  const base = { command: s.command, args: s.args };
  switch (client.format) {
    case 'claude-code':
    case 'vscode':
      return { type: 'stdio', ...base, env: env(client, s.vars) };
    case 'codex': {
      // Secrets without a value are forwarded from Codex's own environment by name.
      const forwarded = s.vars.filter((e) => e.secret && e.value === undefined).map((e) => e.name);
      const literal = s.vars.filter((e) => !forwarded.includes(e.name));
      return { ...base, ...(forwarded.length ? { env_vars: forwarded } : {}), env: env(client, literal) };
    }
    case 'continue':
      return { name: s.name, ...base, env: env(client, s.vars) };
    default:
      return { ...base, env: env(client, s.vars) };
  }
}

/** VS Code asks for each referenced secret once (a password prompt) and keeps it. */
function vscodeInputs(s: ServerEntry): Json[] {
  return s.vars
    .filter((e) => e.secret && e.value === undefined)
    .map((e) => ({ id: inputId(e.name), type: 'promptString', description: e.description, password: true }));
}

/** A fresh file holding only our server. */
function freshText(client: ClientSpec, s: ServerEntry): string {
  const entry = entryValue(client, s);
  switch (client.format) {
    case 'codex':
      return stringifyToml({ mcp_servers: { [s.name]: entry } }).trimEnd() + '\n';
    case 'continue':
      return dumpYaml(
        { name: 'atlassian-mcp', version: '0.0.1', schema: 'v1', mcpServers: [entry] },
        { lineWidth: -1 },
      );
    case 'vscode': {
      const inputs = vscodeInputs(s);
      return JSON.stringify({ ...(inputs.length ? { inputs } : {}), servers: { [s.name]: entry } }, null, 2) + '\n';
    }
    default:
      return JSON.stringify({ mcpServers: { [s.name]: entry } }, null, 2) + '\n';
  }
}

/** The file's text with our server added or replaced; everything else is kept (JSON comments too). */
export function mergeConfig(client: ClientSpec, existing: string | undefined, s: ServerEntry, file: string): string {
  if (existing === undefined || existing.trim() === '') return freshText(client, s);
  if (client.format === 'codex') return mergeToml(existing, s, entryValue(client, s), file);
  if (client.format === 'continue') return mergeYaml(existing, entryValue(client, s), file);
  return mergeJson(client, existing, s, file);
}

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

function mergeJson(client: ClientSpec, text: string, s: ServerEntry, file: string): string {
  const errors: ParseError[] = [];
  const root = parse(text, errors, { allowTrailingComma: true }) as unknown;
  if (errors.length > 0) {
    const e = errors[0]!;
    throw new UnparsableConfigError(
      `${file} is not valid JSON (${printParseErrorCode(e.error)} at ${lineCol(text, e.offset)})`,
    );
  }
  if (typeof root !== 'object' || root === null || Array.isArray(root))
    throw new UnparsableConfigError(`${file} does not hold a JSON object`);
  const key = client.format === 'vscode' ? 'servers' : 'mcpServers';
  const servers = (root as Json)[key];
  if (servers !== undefined && (typeof servers !== 'object' || servers === null || Array.isArray(servers)))
    throw new UnparsableConfigError(`${file}: "${key}" is not an object`);
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const formattingOptions = {
    insertSpaces: !indent.includes('\t'),
    tabSize: indent.includes('\t') ? 1 : indent.length,
  };
  let out = applyEdits(text, modify(text, [key, s.name], entryValue(client, s), { formattingOptions }));
  if (client.format === 'vscode') {
    const wanted = vscodeInputs(s);
    const current = (root as Json).inputs;
    if (!Array.isArray(current)) {
      if (wanted.length > 0) out = applyEdits(out, modify(out, ['inputs'], wanted, { formattingOptions }));
    } else
      for (const input of wanted.filter((w) => !current.some((i) => (i as Json | null)?.id === w.id)))
        out = applyEdits(out, modify(out, ['inputs', -1], input, { formattingOptions, isArrayInsertion: true }));
  }
  return out.endsWith('\n') ? out : `${out}\n`;
}

/** `[mcp_servers.<name>]` and its sub-tables, however the name is quoted. */
function ourHeader(line: string, name: string): boolean {
  const m = /^\s*\[\s*mcp_servers\s*\.\s*("([^"]*)"|'([^']*)'|[A-Za-z0-9_-]+)\s*(\.|\])/.exec(line);
  return m !== null && (m[2] ?? m[3] ?? m[1]) === name;
}

function mergeToml(text: string, s: ServerEntry, entry: Json, file: string): string {
  let doc: Json;
  try {
    doc = parseToml(text) as Json;
  } catch (e) {
    const where = e instanceof TomlError ? ` at line ${e.line}, column ${e.column}` : '';
    throw new UnparsableConfigError(`${file} is not valid TOML${where}: ${(e as Error).message.split('\n')[0]}`);
  }
  const block = stringifyToml({ mcp_servers: { [s.name]: entry } }).trim() + '\n';
  const present = (doc.mcp_servers as Json | undefined)?.[s.name] !== undefined;
  let out: string;
  if (!present) out = `${text.replace(/\s*$/, '')}\n\n${block}`;
  else {
    const lines = text.split('\n');
    const start = lines.findIndex((l) => ourHeader(l, s.name));
    let end = start + 1;
    while (start >= 0 && end < lines.length && !(/^\s*\[/.test(lines[end]!) && !ourHeader(lines[end]!, s.name))) end++;
    const rest = lines.slice(start + 1, end).filter((l) => /^\s*\[/.test(l) && !ourHeader(l, s.name));
    if (start < 0 || rest.length > 0)
      throw new UnparsableConfigError(
        `${file} defines mcp_servers.${s.name} in a form setup does not rewrite (an inline table); edit it by hand`,
      );
    // Blank lines before the next table stay where they were.
    while (end > start + 1 && lines[end - 1]!.trim() === '') end--;
    out = [...lines.slice(0, start), block.trimEnd(), ...lines.slice(end)].join('\n');
  }
  const check = (parseToml(out) as { mcp_servers?: Json }).mcp_servers?.[s.name];
  // smol-toml gives null-prototype objects: compare plain copies.
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(check ?? null)), entry))
    throw new UnparsableConfigError(`${file}: could not place mcp_servers.${s.name} safely; edit it by hand`);
  return out.endsWith('\n') ? out : `${out}\n`;
}

function mergeYaml(text: string, entry: Json, file: string): string {
  let doc: unknown;
  try {
    doc = loadYaml(text);
  } catch (e) {
    throw new UnparsableConfigError(`${file} is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new UnparsableConfigError(`${file} does not hold a YAML mapping`);
  const servers = (doc as Json).mcpServers ?? [];
  if (!Array.isArray(servers)) throw new UnparsableConfigError(`${file}: mcpServers is not a list`);
  const i = servers.findIndex((x) => (x as Json | null)?.name === entry.name);
  const next = i >= 0 ? servers.map((x, j) => (j === i ? entry : x)) : [...servers, entry];
  return dumpYaml({ ...(doc as Json), mcpServers: next }, { lineWidth: -1 });
}
