import { skillEntry, type Skill as SkillEntry } from '@modelcontextprotocol/server/ext/skills';
import type { Registry } from '../registry/plugin-registry.js';
import type { StartupProblem } from '../host/startup-error.js';
import { readSkillDir, type Skill } from './skill-file.js';

/** A folder of skill folders, and the plugin that contributed it (none: the distribution's `prompts/`). */
export interface SkillSourceDir {
  dir: string;
  pluginId?: string;
}

/** A loaded skill with its skills-extension entry (`skill://<name>/SKILL.md`, digests of every file). */
export interface LoadedSkill {
  skill: Skill;
  entry: SkillEntry;
  /** Absolute `skill://` URI of each file → its path inside the skill folder. */
  uris: Map<string, string>;
}

/** The variable of a one-variable resource template (`jira://project/{key}` → `key`). */
export const templateVariable = (uri: string): string | undefined => /\{[+#./;?&]?([^}*,]+)\*?\}/.exec(uri)?.[1];

/** Resource templates whose one variable a plugin completes: what a skill argument may complete from. */
export function completableTemplates(registry: Registry): Set<string> {
  return new Set(
    registry.resources
      .filter((r) => {
        const variable = templateVariable(r.meta.uri);
        return variable !== undefined && r.meta.complete?.[variable] !== undefined;
      })
      .map((r) => r.meta.uri),
  );
}

/**
 * Every skill the host serves, checked against the loaded plugins at start-up: a skill whose
 * plugins are not all loaded is left out; one that names a tool or a completion no loaded plugin
 * has, or repeats a prompt name, is a start-up problem (never a skill that fails mid-procedure).
 */
export class SkillLibrary {
  private constructor(readonly loaded: LoadedSkill[]) {}

  static readonly empty = new SkillLibrary([]);

  static async load(dirs: SkillSourceDir[], registry: Registry, problems: StartupProblem[]): Promise<SkillLibrary> {
    const loadedIds = new Set(registry.plugins.map((p) => p.plugin.id));
    const tools = new Map(registry.tools.map((t) => [t.meta.name, t.pluginId]));
    const names = new Map<string, string>(registry.prompts.map((p) => [p.meta.name, `plugin ${p.pluginId}`]));
    const completions = completableTemplates(registry);
    const loaded: LoadedSkill[] = [];
    for (const { dir, pluginId } of dirs) {
      let skills: Skill[];
      try {
        skills = readSkillDir(dir);
      } catch (e) {
        problems.push({ source: 'skills', message: (e as Error).message });
        continue;
      }
      for (const found of skills) {
        const skill =
          pluginId && !found.plugins.includes(pluginId) ? { ...found, plugins: [pluginId, ...found.plugins] } : found;
        if (!skill.plugins.every((id) => loadedIds.has(id))) continue;
        const where = `${dir}/${skill.name}/SKILL.md`;
        const before = problems.length;
        const say = (message: string) =>
          problems.push({ source: 'skills', message: `skill "${skill.name}" (${where}): ${message}` });
        if (names.has(skill.name)) say(`its name is also a prompt of ${names.get(skill.name)}`);
        for (const tool of [...skill.tools, ...skill.optionalTools]) {
          const owner = tools.get(tool);
          if (!owner) say(`names tool "${tool}", which no loaded plugin has`);
          else if (!skill.plugins.includes(owner))
            say(`names ${tool} of plugin "${owner}" without declaring it in "plugins"`);
        }
        for (const a of skill.arguments)
          if (a.complete && !completions.has(a.complete))
            say(`argument "${a.name}" completes from ${a.complete}, which no loaded plugin completes`);
        if (problems.length > before) continue;
        names.set(skill.name, where);
        loaded.push(await toLoaded(skill));
      }
    }
    return new SkillLibrary(loaded.sort((a, b) => a.skill.name.localeCompare(b.skill.name)));
  }

  /** The skills whose every tool is in `offered` (policy and sign-in decide; read-only hides writing skills). */
  offered(offered: ReadonlySet<string>): LoadedSkill[] {
    return this.loaded.filter((l) => l.skill.tools.every((t) => offered.has(t)));
  }
}

async function toLoaded(skill: Skill): Promise<LoadedSkill> {
  const entry = await skillEntry(skill.name, skill.files);
  const uris = new Map<string, string>();
  if (Array.isArray(entry.resources))
    for (const r of entry.resources) uris.set(r.uri, decodeURIComponent(r.uri.slice(`skill://${skill.name}/`.length)));
  return { skill, entry, uris };
}
