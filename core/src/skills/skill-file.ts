import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { load as parseYaml } from 'js-yaml';

/** An argument a skill declares: what the user types after the slash command (`/log-work issue=ENG-42`). */
export interface SkillArgument {
  name: string;
  description?: string;
  required: boolean;
  /**
   * Where completions come from: a resource template of a loaded plugin whose variable is
   * completed from live data, e.g. `jira://project/{key}`.
   */
  complete?: string;
}

/** One skill: a folder with a `SKILL.md` (YAML front matter, then the procedure) and optional extra files. */
export interface Skill {
  /** Equal to the folder name; also the MCP prompt name and the last `skill://` path segment. */
  name: string;
  title?: string;
  description: string;
  /** Plugin ids whose tools the procedure uses; the skill is skipped when one is not loaded. */
  plugins: string[];
  /** The tools the procedure needs; the skill is offered only while policy enables all of them. */
  tools: string[];
  /** Tools the procedure uses when they are enabled and does without otherwise (it says how). */
  optionalTools: string[];
  arguments: SkillArgument[];
  /** The procedure (the Markdown after the front matter), with `{{argument}}` placeholders. */
  body: string;
  /** The skill's folder on disk. */
  dir: string;
  /** Every file of the skill by path relative to its folder (`SKILL.md` first), as raw bytes. */
  files: Record<string, Uint8Array>;
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;
/** The Agent Skills naming rule: lower-case letters, digits and single hyphens, at most 64 characters. */
const SKILL_NAME = /^(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*$/;
const ARG_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
/** More files or bytes than this in one skill folder is a mistake (a skill is a page, not a repository). */
const MAX_FILES = 32;
const MAX_BYTES = 256 * 1024;

const strings = (value: unknown, what: string, file: string): string[] => {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !v.trim()))
    throw new Error(`${file}: front matter "${what}" must be a list of names`);
  return value as string[];
};

/** Parses one `SKILL.md`; `folder` is the name of the folder it sits in. Throws naming the file. */
export function parseSkill(file: string, folder: string, text: string): Omit<Skill, 'dir' | 'files'> {
  const m = FRONT_MATTER.exec(text);
  if (!m) throw new Error(`${file}: missing YAML front matter (--- … ---)`);
  let meta: Record<string, unknown>;
  try {
    meta = (parseYaml(m[1]!) ?? {}) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`${file}: front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
  if (typeof meta !== 'object' || Array.isArray(meta)) throw new Error(`${file}: front matter must be a mapping`);
  if (typeof meta.name !== 'string' || !SKILL_NAME.test(meta.name))
    throw new Error(`${file}: front matter "name" must be lower-case words joined by hyphens (e.g. log-work)`);
  if (meta.name !== folder) throw new Error(`${file}: name "${meta.name}" must equal its folder name "${folder}"`);
  if (typeof meta.description !== 'string' || !meta.description.trim())
    throw new Error(`${file}: front matter needs a "description" that says when to use the skill`);
  if (meta.description.length > 1024) throw new Error(`${file}: description is longer than 1024 characters`);
  if (meta.title !== undefined && typeof meta.title !== 'string') throw new Error(`${file}: "title" must be text`);
  const rawArgs = meta.arguments ?? [];
  if (!Array.isArray(rawArgs)) throw new Error(`${file}: "arguments" must be a list`);
  const args: SkillArgument[] = rawArgs.map((a: unknown) => {
    const arg = (a ?? {}) as Record<string, unknown>;
    if (typeof arg.name !== 'string' || !ARG_NAME.test(arg.name))
      throw new Error(`${file}: every argument needs a name (letters, digits, _)`);
    if (arg.description !== undefined && typeof arg.description !== 'string')
      throw new Error(`${file}: argument "${arg.name}": description must be text`);
    if (arg.complete !== undefined && (typeof arg.complete !== 'string' || !/\{[^}]+\}/.test(arg.complete)))
      throw new Error(
        `${file}: argument "${arg.name}": complete must be a resource template such as jira://project/{key}`,
      );
    return {
      name: arg.name,
      description: arg.description as string | undefined,
      required: arg.required === true,
      complete: arg.complete as string | undefined,
    };
  });
  const seen = new Set<string>();
  for (const a of args) {
    if (seen.has(a.name)) throw new Error(`${file}: argument "${a.name}" is declared twice`);
    seen.add(a.name);
  }
  const body = m[2]!.trim();
  if (!body) throw new Error(`${file}: the procedure (text after the front matter) is empty`);
  return {
    name: meta.name,
    title: meta.title as string | undefined,
    description: meta.description.trim(),
    plugins: strings(meta.plugins, 'plugins', file),
    tools: strings(meta.tools, 'tools', file),
    optionalTools: strings(meta.optionalTools, 'optionalTools', file),
    arguments: args,
    body,
  };
}

function collectFiles(dir: string, root: string, out: Record<string, Uint8Array>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collectFiles(path, root, out);
    else if (entry.isFile()) out[relative(root, path).split(sep).join('/')] = readFileSync(path);
    else throw new Error(`${path}: only regular files belong in a skill folder (no links or devices)`);
  }
}

/** Reads one skill folder: its `SKILL.md` and every file beside it. */
export function readSkill(dir: string, folder: string): Skill {
  const file = join(dir, 'SKILL.md');
  const files: Record<string, Uint8Array> = {};
  collectFiles(dir, dir, files);
  const count = Object.keys(files).length;
  const bytes = Object.values(files).reduce((n, f) => n + f.byteLength, 0);
  if (count > MAX_FILES || bytes > MAX_BYTES)
    throw new Error(`${dir}: a skill holds at most ${MAX_FILES} files and ${MAX_BYTES / 1024} KiB`);
  const skill = parseSkill(file, folder, Buffer.from(files['SKILL.md']!).toString('utf8'));
  const { 'SKILL.md': manifest, ...rest } = files;
  return { ...skill, dir, files: { 'SKILL.md': manifest!, ...rest } };
}

/**
 * Reads every skill under `root` (one folder per skill, each with a `SKILL.md`), sorted by name
 * so the prompt list is deterministic. Loose files (a README) are not skills.
 */
export function readSkillDir(root: string): Skill[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((f) => statSync(join(root, f)).isDirectory() && existsSync(join(root, f, 'SKILL.md')))
    .sort()
    .map((f) => readSkill(join(root, f), f));
}

/**
 * Fills `{{name}}` placeholders with the user's arguments; a missing optional argument becomes
 * empty and its `{{#name}}…{{/name}}` block is dropped.
 */
export function renderSkill(body: string, args: Record<string, string | undefined>): string {
  let text = body;
  // Blocks may nest ({{#space}}…{{#page}}…{{/page}}…{{/space}}): resolve until none is left.
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text
      .replace(/\{\{#(\w+)\}\}([\s\S]*?)\{\{\/\1\}\}/, (_, k: string, block: string) => (args[k] ? block : ''))
      .replace(/\{\{\^(\w+)\}\}([\s\S]*?)\{\{\/\1\}\}/, (_, k: string, block: string) => (args[k] ? '' : block));
  }
  return text
    .replace(/\{\{(\w+)\}\}/g, (_, k: string) => args[k] ?? '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The `prompts/` directory shipped with the distribution (next to `core/`). */
export const DEFAULT_SKILL_DIR = join(__dirname, '..', '..', '..', 'prompts');
