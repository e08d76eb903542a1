import {
  completable,
  type McpServer,
  type RegisteredPrompt,
  type ResourceTemplate,
} from '@modelcontextprotocol/server';
import { SkillsExtension, type SkillSource, type SkillReadResult } from '@modelcontextprotocol/server/ext/skills';
import * as z from 'zod';
import type { Logger } from '../logging/logger.js';
import { renderSkill, type Skill } from './skill-file.js';
import { templateVariable, type LoadedSkill, type SkillLibrary } from './skill-library.js';

/** Completes one argument value from live data (a plugin's resource-template completer). */
export type ArgumentCompleter = (value: string, context?: { arguments?: Record<string, string> }) => Promise<string[]>;

/**
 * Checks an argument value against what its completion template names (`jira://project/{key}`
 * names a project): throws when policy (the allowlist) refuses it, as reading that resource would.
 */
export type ArgumentGuard = (template: string, value: string, skill: string, signal: AbortSignal) => Promise<void>;

/** What serving skills needs from the host. */
export interface SkillHost {
  skills: SkillLibrary;
  logger: Logger;
  /** Tool names policy enables (known synchronously, before any request). */
  enabledToolNames(): Set<string>;
  /** Tool names offered right now: policy, then sign-in (granted scopes). */
  offeredToolNames(): Promise<Set<string>>;
}

const TEXT_FILE = /\.(md|markdown|txt|json|ya?ml|csv|html?)$/i;

/**
 * The skills extension (SEP-2640) over the host's library: `skills/list`, `skills/get` and the
 * `skill://` files, offering at every request only the skills whose tools are offered. One
 * instance serves every connection's server.
 */
export function createSkillsExtension(host: SkillHost): SkillsExtension {
  const offered = async (): Promise<LoadedSkill[]> => host.skills.offered(await host.offeredToolNames());
  const byUri = async (uri: string) => (await offered()).find((l) => l.entry.uri === uri);
  const source: SkillSource = {
    async list() {
      return { skills: (await offered()).map((l) => l.entry) };
    },
    async get(uri) {
      return (await byUri(uri))?.entry;
    },
    async read(uri): Promise<SkillReadResult | undefined> {
      for (const l of await offered()) {
        const path = l.uris.get(uri);
        if (path === undefined) continue;
        const bytes = l.skill.files[path]!;
        if (!TEXT_FILE.test(path)) return { bytes, mimeType: 'application/octet-stream' };
        return {
          text: Buffer.from(bytes).toString('utf8'),
          mimeType: path.endsWith('.md') ? 'text/markdown' : 'text/plain',
        };
      }
      return undefined;
    },
  };
  return new SkillsExtension({
    source,
    onWarning: (w) => host.logger.warn({ path: w.path }, `skills: ${w.message}`),
  });
}

/** The argument schema of a skill's prompt, with live completion where the skill declares it. */
function argsSchema(skill: Skill, completer: (uri: string) => ArgumentCompleter | undefined): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const a of skill.arguments) {
    let field: z.ZodType = a.description ? z.string().describe(a.description) : z.string();
    const complete = a.complete ? completer(a.complete) : undefined;
    if (complete)
      field = completable(
        field as never,
        (async (value: string, ctx?: { arguments?: Record<string, string> }) =>
          (await complete(value, ctx)).slice(0, 100)) as never,
      ) as unknown as z.ZodType;
    shape[a.name] = a.required ? field : field.optional();
  }
  return z.object(shape);
}

type StandardJson = { '~standard': { jsonSchema: { input(o: { target: string }): JsonObject } } };
type JsonObject = { properties?: Record<string, { description?: string }>; required?: string[] };

/** A prompt's arguments as `prompts/list` shows them: the SDK's conversion, through the public Standard JSON Schema interface. */
function listedArguments(schema: unknown) {
  const json = (schema as StandardJson)['~standard'].jsonSchema.input({ target: 'draft-2020-12' });
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({
    name,
    description: prop?.description,
    required: (json.required ?? []).includes(name),
  }));
}

/**
 * Serves every skill of the library on `server` as an MCP prompt (arguments rendered into the
 * procedure) and through the skills extension. A skill whose tools are not offered is hidden:
 * `prompts/list` (served here, from the registered prompts: `others` are the plugins' own)
 * decides at each request, and `refresh()` re-decides after sign-in or sign-out and tells the
 * client when the list changed.
 */
export function serveSkills(
  server: McpServer,
  host: SkillHost,
  extension: SkillsExtension,
  completer: (uri: string) => ArgumentCompleter | undefined,
  others: ReadonlyMap<string, RegisteredPrompt>,
  guard?: ArgumentGuard,
): { refresh(): Promise<void> } {
  const prompts = new Map<LoadedSkill, RegisteredPrompt>();
  for (const loaded of host.skills.loaded) {
    const { skill } = loaded;
    prompts.set(
      loaded,
      server.registerPrompt(
        skill.name,
        { title: skill.title, description: skill.description, argsSchema: argsSchema(skill, completer) as never },
        (async (args: Record<string, string | undefined> | undefined, extra: { mcpReq: { signal: AbortSignal } }) => {
          // A project, space or desk outside the allowlist is refused before the procedure starts.
          for (const a of skill.arguments) {
            const value = args?.[a.name];
            if (a.complete && value && guard) await guard(a.complete, value, skill.name, extra.mcpReq.signal);
          }
          return {
            description: skill.description,
            messages: [
              { role: 'user' as const, content: { type: 'text' as const, text: renderSkill(skill.body, args ?? {}) } },
            ],
          };
        }) as never,
      ),
    );
  }
  if (prompts.size > 0) extension.attach(server);
  // Until the first decision (policy alone; with OAuth, nothing yet): prompts/get answers from these flags.
  const enabled = new Set(host.skills.offered(host.enabledToolNames()));
  for (const [loaded, prompt] of prompts) prompt.enabled = enabled.has(loaded);
  const decide = async (): Promise<boolean> => {
    const offered = new Set(host.skills.offered(await host.offeredToolNames()));
    let changed = false;
    for (const [loaded, prompt] of prompts)
      if (prompt.enabled !== offered.has(loaded)) {
        prompt.enabled = offered.has(loaded);
        changed = true;
      }
    return changed;
  };
  if (prompts.size + others.size > 0)
    server.server.setRequestHandler('prompts/list', async () => {
      await decide();
      const all: (readonly [string, RegisteredPrompt])[] = [
        ...others,
        ...[...prompts].map(([l, p]) => [l.skill.name, p] as const),
      ];
      return {
        prompts: all
          .filter(([, p]) => p.enabled)
          .map(([name, p]) => ({
            name,
            title: p.title,
            description: p.description,
            arguments: p.argsSchema ? listedArguments(p.argsSchema) : undefined,
            icons: p.icons,
            _meta: p._meta,
          })),
      };
    });
  return {
    async refresh() {
      if ((await decide()) && server.isConnected()) {
        await server.server.sendPromptListChanged();
        await server.server.sendResourceListChanged();
      }
    },
  };
}

const extensions = new WeakMap<SkillLibrary, SkillsExtension>();

/**
 * Serves the host's skills on a connection's server. `templates` are the resource templates
 * registered on it, by URI: an argument that completes from `jira://project/{key}` asks that
 * template's completer (same allowlist and neutralisation as a resource completion), and its
 * value is checked by `guard` as that template's variable is. With `shared`, one extension
 * serves every connection (its host's view is the same for all); otherwise (one hosted user's
 * request) the extension is this server's own.
 */
export function attachSkills(
  server: McpServer,
  host: SkillHost,
  templates: ReadonlyMap<string, ResourceTemplate>,
  others: ReadonlyMap<string, RegisteredPrompt>,
  options: { shared: boolean; guard?: ArgumentGuard } = { shared: true },
): { refresh(): Promise<void> } {
  let extension = options.shared ? extensions.get(host.skills) : undefined;
  if (!extension) {
    extension = createSkillsExtension(host);
    if (options.shared) extensions.set(host.skills, extension);
  }
  return serveSkills(
    server,
    host,
    extension,
    (uri) => {
      const template = templates.get(uri);
      const variable = templateVariable(uri);
      const complete = variable ? template?.completeCallback(variable) : undefined;
      return complete ? async (value, context) => [...(await complete(value, context as never))] : undefined;
    },
    others,
    options.guard,
  );
}
