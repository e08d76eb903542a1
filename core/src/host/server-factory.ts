import {
  McpServer,
  ResourceTemplate,
  UriTemplate,
  completable,
  type RegisteredPrompt,
} from '@modelcontextprotocol/server';
import { neutralListing, runRead, type ReadDeps } from '../pipeline/read-pipeline.js';
import type * as z from 'zod';
import type { AtlassianMcpHost, ServerView } from './host.js';
import { stepUpChallenge } from './scope-challenge.js';
import { createToolCallback } from '../pipeline/tool-call-pipeline.js';
import { rejectingUnknownArguments } from '../pipeline/known-arguments.js';
import { createRenderKit } from '../render/render-kit.js';
import { inlineText } from '../render/neutralise.js';
import { annotationsFor, listedTool } from '../render/tool-list.js';
import type { ListedResource } from '../plugin-api/decorators.js';
import type { PromptEntry, ResourceEntry } from '../registry/plugin-registry.js';
import { CORE_VERSION } from '../version.js';
import { coreServices } from '../plugin-api/tokens.js';
import type { ScopeService } from '../plugin-api/services.js';
import { attachSkills, type ArgumentGuard } from '../skills/skill-server.js';
import { templateVariable } from '../skills/skill-library.js';

type Method = (...args: unknown[]) => Promise<unknown>;
const call = (provider: object, method: string | symbol): Method => {
  const fn = (provider as Record<string | symbol, Method>)[method];
  if (typeof fn !== 'function') throw new Error(`${provider.constructor.name}.${String(method)} is not a method`);
  return fn.bind(provider);
};

/**
 * The host as skill serving sees it, for one view: a hosted request's narrowed policy decides
 * which skills it is offered, like its tools.
 */
function skillHost(host: AtlassianMcpHost, view: ServerView) {
  return {
    skills: host.skills,
    logger: host.logger,
    // With OAuth nothing is known to be granted before the first check: start hidden, then refresh.
    enabledToolNames: () =>
      new Set(
        host.auth().method() === 'oauth' && !view.principal
          ? []
          : host.enabledTools(view.policy).map((t) => t.meta.name),
      ),
    offeredToolNames: async () => new Set((await host.offeredTools(view)).map((t) => t.meta.name)),
  };
}

/**
 * Builds one `McpServer` (per connection; per request in hosted mode) from a started host. Cheap:
 * the registry is built once. `view` narrows it to one user of a hosted server.
 */
export function createMcpServer(host: AtlassianMcpHost, view: ServerView = {}): McpServer {
  const server = new McpServer(
    { name: 'atlassian-mcp', title: 'Atlassian MCP', version: CORE_VERSION },
    { capabilities: { logging: {} }, instructions: host.instructions },
  );
  const deps = {
    config: host.config,
    logger: host.logger,
    audit: host.audit,
    policy: view.policy ?? host.policy,
    site: () => host.siteLabel(),
    // Hosted mode: the user's own grant, not the server's (it has no signed-in user).
    grantedScopes: async () =>
      view.principal
        ? [...view.principal.scopes]
        : host.auth().method() === 'oauth'
          ? host.auth().grantedScopes()
          : undefined,
    scopeOf: (pluginId: string) =>
      host.registry.plugins.find((p) => p.plugin.id === pluginId)?.container.resolve<ScopeService>(coreServices.scope),
    principal: view.principal,
  };
  const registered = new Set<string>();
  for (const entry of [...host.registry.tools].sort((a, b) => a.meta.name.localeCompare(b.meta.name))) {
    const { meta } = entry;
    server.registerTool(
      meta.name,
      {
        title: meta.title,
        description: meta.description,
        // Validated (before the handler) with unknown arguments refused; listed from meta.input as it is.
        inputSchema: rejectingUnknownArguments(meta.input) as never,
        outputSchema: meta.output,
        annotations: annotationsFor(meta),
        // Hosted mode: a call needing Atlassian scopes the user did not grant asks for them (step-up).
        ...(view.principal ? { scopeChallenge: stepUpChallenge(meta.scopes) } : {}),
      },
      createToolCallback(entry, deps, server) as never,
    );
    registered.add(meta.name);
  }
  if (registered.size > 0) serveToolList(server, host, view);
  const templates = new Map<string, ResourceTemplate>();
  for (const r of host.registry.resources) {
    const template = registerResource(server, r, deps);
    if (template) templates.set(r.meta.uri, template);
  }
  const prompts = new Map<string, RegisteredPrompt>();
  for (const p of host.registry.prompts) prompts.set(p.meta.name, registerPrompt(server, p, deps));
  const skills = attachSkills(server, skillHost(host, view), templates, prompts, {
    shared: !view.principal && !view.policy,
    guard: skillArgumentGuard(host, deps),
  });
  if (host.auth().method() === 'oauth' && !view.principal) void skills.refresh();
  // Sign-in, sign-out or a revoked session changes what is offered: tell the client, no restart.
  // (A hosted user signs in through the client's OAuth, and each request gets a new server.)
  const unsubscribe = view.principal
    ? () => undefined
    : host.auth().onChange(() => {
        if (server.isConnected()) server.sendToolListChanged();
        void skills.refresh();
      });
  const close = server.close.bind(server);
  server.close = async () => {
    unsubscribe();
    await close();
  };
  return server;
}

/**
 * A skill argument completed from a resource template is what that template's variable names
 * (`jira://project/{key}`: a project): the plugin's allowlist checks it as it checks a read.
 */
function skillArgumentGuard(host: AtlassianMcpHost, deps: ReadDeps): ArgumentGuard {
  const byUri = new Map(host.registry.resources.map((r) => [r.meta.uri, r]));
  return async (template, value, skill, signal) => {
    const entry = byUri.get(template);
    const variable = templateVariable(template);
    const kind = variable && entry?.meta.targets?.[variable];
    if (!entry || !variable || !kind) return;
    await runRead(
      { name: `prompt ${skill}`, pluginId: entry.pluginId, targets: { [variable]: kind } },
      deps,
      signal,
      { [variable]: value },
      async () => undefined,
    );
  };
}

/**
 * `tools/list` from the host's registry, filtered by policy and granted scopes, through the SDK's
 * public extension point (the low-level server's `setRequestHandler`, which the SDK documents for
 * custom handlers). Tools stay registered, so a call to a tool policy hides reaches the pipeline,
 * which refuses it with a clear reason and next step (the SDK's own "disabled" answer is a bare
 * protocol error). Nothing here reads SDK internals.
 */
function serveToolList(server: McpServer, host: AtlassianMcpHost, view: ServerView): void {
  server.server.setRequestHandler('tools/list', async () => ({
    tools: (await host.offeredTools(view)).map((t) => listedTool(t.meta)),
  }));
}

type Log = AtlassianMcpHost['logger'];
const idle = (logger: Log, signal?: AbortSignal) => ({
  signal: signal ?? new AbortController().signal,
  logger,
  render: createRenderKit(),
});

function registerResource(
  server: McpServer,
  { meta, provider, pluginId }: ResourceEntry,
  deps: ReadDeps,
): ResourceTemplate | undefined {
  const read = call(provider, meta.method);
  const logger = deps.logger;
  const isTemplate = /\{[^}]+\}/.test(meta.uri);
  const config = { title: meta.title, description: meta.description, mimeType: meta.mimeType };
  const subject = (uri?: string) => ({
    name: `resource ${meta.name}`,
    pluginId,
    targets: meta.targets,
    scopes: meta.scopes,
    uri,
  });
  if (!isTemplate) {
    server.registerResource(meta.name, meta.uri, config, async (uri, extra) => ({
      contents: (await runRead(subject(uri.href), deps, extra.mcpReq.signal, {}, () =>
        read(uri, {}, idle(logger, extra.mcpReq.signal)),
      )) as never,
    }));
    return undefined;
  }
  const complete: Record<string, (value: string) => Promise<string[]>> = {};
  for (const [variable, method] of Object.entries(meta.complete ?? {})) {
    const fn = call(provider, method);
    complete[variable] = async (value: string) =>
      ((await runRead(subject(), deps, new AbortController().signal, {}, () => fn(value, idle(logger)))) as string[])
        .slice(0, 100)
        .map((v) => inlineText(v));
  }
  const list = meta.list ? call(provider, meta.list) : undefined;
  const uriTemplate = new UriTemplate(meta.uri);
  const template = new ResourceTemplate(meta.uri, {
    list: list
      ? async () => {
          const listed = (await runRead(subject(), deps, new AbortController().signal, {}, () =>
            list(idle(logger)),
          )) as ListedResource[];
          // Listings are filtered by the allowlist too: what a listed URI names must be inside.
          const scope = deps.scopeOf(pluginId);
          const kept: ListedResource[] = [];
          for (const r of listed) {
            const vars = uriTemplate.match(r.uri) ?? {};
            let inside = true;
            for (const [variable, kind] of Object.entries(meta.targets ?? {}))
              if (scope && vars[variable] !== undefined)
                inside &&= await scope.allows(kind, String(vars[variable]), { trusted: true });
            if (inside) kept.push(neutralListing(r));
          }
          return { resources: kept as never };
        }
      : undefined,
    complete,
  });
  server.registerResource(meta.name, template, config, async (uri, variables, extra) => {
    const vars = Object.fromEntries(
      Object.entries(variables).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
    );
    return {
      contents: (await runRead(subject(uri.href), deps, extra.mcpReq.signal, vars, (checked) =>
        read(uri, checked, idle(logger, extra.mcpReq.signal)),
      )) as never,
    };
  });
  return template;
}

function registerPrompt(
  server: McpServer,
  { meta, provider, pluginId }: PromptEntry,
  deps: ReadDeps,
): RegisteredPrompt {
  const run = call(provider, meta.method);
  const logger = deps.logger;
  const subject = { name: `prompt ${meta.name}`, pluginId, targets: meta.targets };
  let argsSchema = meta.args as z.ZodObject<z.ZodRawShape> | undefined;
  if (argsSchema && meta.complete) {
    const shape = { ...argsSchema.shape } as unknown as Record<string, z.ZodType>;
    for (const [arg, method] of Object.entries(meta.complete)) {
      const fn = call(provider, method);
      const field = shape[arg];
      if (!field) continue;
      const optional = field.safeParse(undefined).success;
      const base = (
        optional ? ((field as unknown as { unwrap(): z.ZodType }).unwrap?.() ?? field) : field
      ) as z.ZodType;
      // completable() marks the schema object itself: mark a copy, or a second server (one per connection) fails.
      const c = completable(
        (base as unknown as { clone(): z.ZodType }).clone() as never,
        (async (value: string) =>
          ((await runRead(subject, deps, new AbortController().signal, {}, () => fn(value, idle(logger)))) as string[])
            .slice(0, 100)
            .map((v) => inlineText(v))) as never,
      );
      shape[arg] = optional ? (c as unknown as z.ZodType).optional() : (c as unknown as z.ZodType);
    }
    argsSchema = argsSchema.extend(shape) as never;
  }
  return server.registerPrompt(
    meta.name,
    { title: meta.title, description: meta.description, argsSchema: argsSchema as never },
    (async (args: Record<string, unknown> | undefined, extra: { mcpReq: { signal: AbortSignal } }) => {
      const out = (await runRead(subject, deps, extra.mcpReq.signal, args ?? {}, (checked) =>
        run(checked, idle(logger, extra.mcpReq.signal)),
      )) as string | { role: 'user' | 'assistant'; text: string }[];
      const messages = typeof out === 'string' ? [{ role: 'user' as const, text: out }] : out;
      return {
        description: meta.description,
        messages: messages.map((m) => ({ role: m.role, content: { type: 'text' as const, text: m.text } })),
      };
    }) as never,
  );
}
