import { didYouMean } from '@atlassian-mcp/config';
import type { Registry } from '../registry/plugin-registry.js';
import { readSkillDir, type Skill } from './skill-file.js';
import { completableTemplates } from './skill-library.js';

/** A tool as the lint sees it: its plugin and the JSON Schema of its input. */
export interface LintTool {
  pluginId: string;
  input: JsonSchema;
  /** Whether a literal value written in the procedure is valid for a top-level argument. */
  accepts?(argument: string, value: unknown): boolean;
}

/** What a skill is checked against: the loaded plugins' tools, tool prefixes and resource templates. */
export interface LintCatalog {
  tools: Map<string, LintTool>;
  /** Tool name prefix (`jira_`) → plugin id, so a misspelled tool of a known plugin is caught. */
  prefixes: Map<string, string>;
  /** Resource template URIs with completion (`jira://project/{key}`). */
  completions: Set<string>;
}

/** A JSON Schema node, as much of it as the lint reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/** One tool call as the procedure writes it: `` `jira_search(jql: "…", limit: 20)` ``. */
export interface SkillToolCall {
  tool: string;
  /** Argument names (`fields.priority` for a nested one), in the order written. */
  args: string[];
  /** The text written for each argument's value (`"{{issue}}"`, `50`, `["worklogs"]`). */
  values: Record<string, string>;
}

/** A skill body's token budget: every prompts/get pays it. */
export const SKILL_TOKEN_BUDGET = 1500;

const CODE_SPAN = /`([^`\n]+)`/g;
const TOOL_NAME = /^([a-z][a-z0-9]*_[a-z0-9_]+)(?:\((.*)\))?$/s;

/** Splits `a: 1, b: "x, y", c: [1, 2]` at top-level commas. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * Every tool call a procedure names, in order: inline code that starts with a tool prefix the
 * catalog knows, alone (`` `jira_get_issue` ``) or with arguments (`` `jira_add_worklog(issueKey: …)` ``).
 */
export function toolCalls(body: string, prefixes: Iterable<string>): SkillToolCall[] {
  const known = [...prefixes];
  const calls: SkillToolCall[] = [];
  for (const [, span] of body.matchAll(CODE_SPAN)) {
    const m = TOOL_NAME.exec(span!.trim());
    if (!m || !known.some((p) => m[1]!.startsWith(p))) continue;
    const args: string[] = [];
    const values: Record<string, string> = {};
    for (const part of m[2] === undefined ? [] : splitTopLevel(m[2])) {
      const at = part.search(/[:=]/);
      const name = (at < 0 ? part : part.slice(0, at)).trim();
      args.push(name);
      if (at >= 0) values[name] = part.slice(at + 1).trim();
    }
    calls.push({ tool: m[1]!, args, values });
  }
  return calls;
}

/** A value written as JSON (`"x"`, `50`, `["a"]`, `true`); placeholders in capitals (`KEY`, `BOARD`) are not literals. */
function parseLiteral(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.includes('{{') || /^"?[A-Z][A-Z_]*"?$/.test(text)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The placeholders a body uses (`{{issue}}`, `{{#note}}`, `{{^note}}`). */
export function placeholders(body: string): Set<string> {
  return new Set([...body.matchAll(/\{\{[#^/]?(\w+)\}\}/g)].map((m) => m[1]!));
}

function properties(schema: JsonSchema | undefined): Record<string, JsonSchema> {
  if (!schema) return {};
  const own = { ...(schema.properties ?? {}) };
  for (const alt of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) Object.assign(own, properties(alt));
  if (schema.items) Object.assign(own, properties(schema.items));
  return own;
}

/** True when the dotted argument path exists in the tool's input schema. */
function hasArgument(input: JsonSchema, path: string): boolean {
  let node: JsonSchema | undefined = input;
  for (const segment of path.split('.')) {
    const props = properties(node);
    // An object without declared properties (a free-form `fields` map) accepts any key below it.
    if (node !== input && Object.keys(props).length === 0) return true;
    node = props[segment];
    if (!node) return false;
  }
  return true;
}

/** Counts tokens the way `tools` and the bench do (cl100k-class tokenizer). */
export function countSkillTokens(text: string): number {
  // Loaded on demand: the tokenizer's tables are large and only the lint and the bench need them.
  const { countTokens } = require('gpt-tokenizer') as typeof import('gpt-tokenizer');
  return countTokens(text);
}

/**
 * Checks one skill against the loaded plugins: every tool it names exists in a plugin it declares,
 * its front matter lists exactly the tools its procedure calls, every argument it passes is in
 * that tool's schema, placeholders match the declared arguments, completions name a real resource
 * template, and the body stays within {@link SKILL_TOKEN_BUDGET}. Returns one line per problem.
 */
export function lintSkill(skill: Skill, catalog: LintCatalog): string[] {
  const problems: string[] = [];
  const say = (message: string) => problems.push(`${skill.name}: ${message}`);
  const calls = toolCalls(skill.body, catalog.prefixes.keys());
  const named = new Set(calls.map((c) => c.tool));
  const toolNames = [...catalog.tools.keys()];
  for (const { tool, args, values } of calls) {
    const entry = catalog.tools.get(tool);
    if (!entry) {
      say(`names tool "${tool}", which no loaded plugin has${didYouMean(tool, toolNames)}`);
      continue;
    }
    if (!skill.plugins.includes(entry.pluginId))
      say(`calls ${tool} of plugin "${entry.pluginId}", which its front matter "plugins" does not declare`);
    for (const arg of args)
      if (!hasArgument(entry.input, arg)) {
        const known = Object.keys(properties(entry.input));
        say(`passes "${arg}" to ${tool}, which has no such argument${didYouMean(arg.split('.')[0]!, known)}`);
      } else if (values[arg] !== undefined && entry.accepts) {
        const literal = parseLiteral(values[arg]);
        if (literal.ok && !entry.accepts(arg, literal.value))
          say(`passes ${arg}: ${values[arg]} to ${tool}, which its schema refuses`);
      }
  }
  const listed = [...skill.tools, ...skill.optionalTools];
  for (const t of listed) if (!named.has(t)) say(`front matter lists tool "${t}" that the procedure never calls`);
  for (const t of named)
    if (!listed.includes(t)) say(`the procedure calls ${t}; list it in the front matter "tools" (or "optionalTools")`);
  for (const t of skill.optionalTools)
    if (skill.tools.includes(t)) say(`lists ${t} both in "tools" and in "optionalTools"`);
  if (calls.length === 0) say('the procedure names no tool (write each call as `tool_name(argument: value)`)');
  const declared = new Set(skill.arguments.map((a) => a.name));
  const used = placeholders(skill.body);
  for (const p of used) if (!declared.has(p)) say(`uses {{${p}}}, which is not a declared argument`);
  for (const a of declared) if (!used.has(a)) say(`declares argument "${a}" that the procedure never uses`);
  for (const a of skill.arguments)
    if (a.complete && !catalog.completions.has(a.complete))
      say(`argument "${a.name}" completes from ${a.complete}, which no loaded plugin completes`);
  for (const a of skill.arguments) if (!a.description) say(`argument "${a.name}" needs a description`);
  const tokens = countSkillTokens(skill.body);
  if (tokens > SKILL_TOKEN_BUDGET) say(`body is ${tokens} tokens; the budget is ${SKILL_TOKEN_BUDGET}`);
  return problems;
}

type ZodLike = { safeParse(value: unknown): { success: boolean } };
type JsonSchemaConverter = {
  '~standard': { jsonSchema: Record<'input', (o: { target: string }) => JsonSchema> };
};

/** The lint's view of a started host's registry: every tool's input schema, prefixes and completions. */
export function lintCatalog(registry: Registry): LintCatalog {
  const tools = new Map<string, LintTool>();
  for (const t of registry.tools) {
    const shape = (t.meta.input as unknown as { shape?: Record<string, ZodLike> }).shape ?? {};
    tools.set(t.meta.name, {
      pluginId: t.pluginId,
      input: (t.meta.input as unknown as JsonSchemaConverter)['~standard'].jsonSchema.input({
        target: 'draft-2020-12',
      }),
      accepts: (argument, value) => shape[argument]?.safeParse(value).success ?? true,
    });
  }
  const prefixes = new Map(
    registry.plugins.filter((p) => p.plugin.id !== 'core').map((p) => [p.plugin.toolPrefix, p.plugin.id]),
  );
  return { tools, prefixes, completions: completableTemplates(registry) };
}

/** What `npm run lint:skills` reports: one line per problem, and each skill's size. */
export interface SkillLintReport {
  problems: string[];
  skills: { name: string; file: string; tokens: number }[];
}

/**
 * Lints every skill under `dirs` against a registry that holds the plugins they name (the lint
 * loads every first-party plugin with every toolset on): a skill whose plugin is not loaded is a
 * problem here, where the host would silently leave it out.
 */
export function lintSkillDirs(dirs: string[], registry: Registry): SkillLintReport {
  const report: SkillLintReport = { problems: [], skills: [] };
  const catalog = lintCatalog(registry);
  const loaded = new Set(registry.plugins.map((p) => p.plugin.id));
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    let skills: Skill[];
    try {
      skills = readSkillDir(dir);
    } catch (e) {
      report.problems.push((e as Error).message);
      continue;
    }
    for (const skill of skills) {
      const file = `${skill.dir}/SKILL.md`;
      if (seen.has(skill.name)) report.problems.push(`${skill.name}: also defined in ${seen.get(skill.name)}`);
      seen.set(skill.name, file);
      if (skill.plugins.length === 0) report.problems.push(`${skill.name}: front matter "plugins" is empty`);
      const missing = skill.plugins.filter((id) => !loaded.has(id));
      if (missing.length > 0)
        report.problems.push(`${skill.name}: declares plugin(s) ${missing.join(', ')}, not loaded`);
      else report.problems.push(...lintSkill(skill, catalog));
      report.skills.push({ name: skill.name, file, tokens: countSkillTokens(skill.body) });
    }
  }
  return report;
}
