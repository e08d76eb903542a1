import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';

/** An argument a prompt file declares in its front matter. */
export interface PromptFileArgument {
  name: string;
  description?: string;
  required?: boolean;
}

/** A prompt written as Markdown with YAML front matter (the `prompts/` directory). */
export interface PromptFile {
  name: string;
  title?: string;
  description: string;
  /** Plugin ids that must be loaded for the prompt to make sense (its tools exist). */
  requires: string[];
  arguments: PromptFileArgument[];
  template: string;
  file: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Parses one prompt file; throws with the file name when it is malformed. */
export function parsePromptFile(file: string, text: string): PromptFile {
  const m = FRONT_MATTER.exec(text);
  if (!m) throw new Error(`${file}: missing YAML front matter`);
  const meta = (parseYaml(m[1]!) ?? {}) as Record<string, unknown>;
  if (typeof meta.name !== 'string' || !/^[a-z0-9_]{1,64}$/.test(meta.name))
    throw new Error(`${file}: front matter needs a snake_case name`);
  if (typeof meta.description !== 'string' || !meta.description.trim())
    throw new Error(`${file}: front matter needs a description`);
  const args = Array.isArray(meta.arguments) ? (meta.arguments as PromptFileArgument[]) : [];
  for (const a of args) if (typeof a?.name !== 'string') throw new Error(`${file}: every argument needs a name`);
  return {
    name: meta.name,
    title: typeof meta.title === 'string' ? meta.title : undefined,
    description: meta.description.trim(),
    requires: Array.isArray(meta.requires) ? (meta.requires as string[]) : [],
    arguments: args,
    template: m[2]!.trim(),
    file,
  };
}

/** Reads every `*.md` prompt in a directory (sorted, so the prompt list is deterministic). */
export function readPromptDir(dir: string): PromptFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((f) => parsePromptFile(join(dir, f), readFileSync(join(dir, f), 'utf8')));
}

/** Fills `{{name}}` placeholders; missing optional arguments become empty, `{{#name}}…{{/name}}` blocks drop. */
export function renderPrompt(template: string, args: Record<string, string | undefined>): string {
  return template
    .replace(/\{\{#(\w+)\}\}([\s\S]*?)\{\{\/\1\}\}/g, (_, k: string, body: string) => (args[k] ? body : ''))
    .replace(/\{\{(\w+)\}\}/g, (_, k: string) => args[k] ?? '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The `prompts/` directory shipped with the distribution (next to `core/`). */
export const DEFAULT_PROMPT_DIR = join(__dirname, '..', '..', '..', 'prompts');
