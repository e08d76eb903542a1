import 'reflect-metadata';
import { injectable, inject as tsyringeInject } from 'tsyringe';
import type * as z from 'zod';
import type { ResourceContext, ToolContext } from './context.js';
import type { RenderKit } from '../render/render-kit.js';
import type { ServiceToken } from './tokens.js';

// Global symbols so that metadata written by another copy of core is still found.
const TOOLS = Symbol.for('atlassian-mcp.tools');
const RESOURCES = Symbol.for('atlassian-mcp.resources');
const PROMPTS = Symbol.for('atlassian-mcp.prompts');
const PROVIDER_KIND = Symbol.for('atlassian-mcp.provider-kind');
const INJECT = Symbol.for('atlassian-mcp.inject');

/** Any zod object schema. */
export type ZodObjectSchema = z.ZodObject<z.ZodRawShape>;

/** Options of {@link Tool}. `input` and `output` type the decorated method. */
export interface ToolOptions<I extends ZodObjectSchema, O extends ZodObjectSchema> {
  /** `<prefix>_<verb>_<noun>`: lower case, digits and `_`, at most 64 characters. */
  name: string;
  /** A short human title. */
  title: string;
  /** What the tool does and when to use it, for the model (keep it short: every token is paid on every request). */
  description: string;
  /** Arguments schema. */
  input: I;
  /** Result schema: the handler returns this, core sends it as `structuredContent`. */
  output: O;
  /** Required: does the tool only read? Never implicit. */
  readOnly: boolean;
  /** Deletes or irreversibly changes data: off unless enabled, confirmed where the client can ask. */
  destructive?: boolean;
  /** Calling twice with the same arguments has no further effect. Defaults to `readOnly`. */
  idempotent?: boolean;
  /** The toolset that switches this tool on and off (e.g. `issues`, `agile`). */
  toolset: string;
  /** OAuth scopes the tool needs (classic or granular). Tools whose scopes were not granted are not offered. */
  scopes: string[];
  /** Renders the result as the one compact text block the model reads. Defaults to a compact key/value dump. */
  render?: (output: z.infer<O>, kit: RenderKit) => string;
  /** MCP resource links to attach to the result (e.g. attachments the model can read as resources). */
  links?: (output: z.infer<O>) => ResourceLinkSpec[];
  /**
   * What the arguments name, by path → kind of reference (`{ issueKey: 'issue', jql: 'jql',
   * 'fields.parent': 'issue', 'issues[]': 'issue' }`). Core checks each against the plugin's
   * allowlist before the handler runs (confining queries), and the audit log records the first.
   */
  targets?: Record<string, string>;
  /** What the call acts on, for the audit log (defaults to the first declared target). */
  target?: (input: z.infer<I>) => string | undefined;
  /** Output budget in characters for the text block (config may override per tool). */
  maxOutputChars?: number;
}

/** A `resource_link` content block: a resource the client can read (or show) by URI. */
export interface ResourceLinkSpec {
  uri: string;
  name: string;
  title?: string;
  mimeType?: string;
  description?: string;
}

/** Metadata recorded for one tool method. */
export interface ToolMetadata extends ToolOptions<ZodObjectSchema, ZodObjectSchema> {
  readonly method: string | symbol;
}

/** A tool handler's signature, as typed by its `input`/`output` schemas. */
export type ToolHandler<I extends ZodObjectSchema, O extends ZodObjectSchema> = (
  input: z.infer<I>,
  ctx: ToolContext,
) => Promise<z.input<O>>;

function pushMeta<T>(ctor: object, key: symbol, entry: T): void {
  const own = Object.prototype.hasOwnProperty.call(ctor, key) ? (ctor as Record<symbol, T[]>)[key] : undefined;
  const list = own ?? [...((ctor as Record<symbol, T[]>)[key] ?? [])];
  list.push(entry);
  Object.defineProperty(ctor, key, { value: list, configurable: true, enumerable: false, writable: true });
}

function markProvider(kind: 'tool' | 'resource' | 'prompt') {
  return <C extends new (...args: never[]) => object>(ctor: C): C => {
    injectable()(ctor as never);
    Object.defineProperty(ctor, PROVIDER_KIND, { value: kind, configurable: true });
    return ctor;
  };
}

/** Marks a class whose `@Tool` methods contribute MCP tools. Resolved in the plugin's container. */
export function ToolProvider() {
  return markProvider('tool');
}

/** Declares an MCP tool on a method of a `@ToolProvider` class. */
export function Tool<I extends ZodObjectSchema, O extends ZodObjectSchema>(options: ToolOptions<I, O>) {
  return (target: object, method: string | symbol, _descriptor: { value?: ToolHandler<I, O> }): void => {
    pushMeta<ToolMetadata>(target.constructor, TOOLS, {
      ...(options as unknown as ToolOptions<ZodObjectSchema, ZodObjectSchema>),
      method,
    });
  };
}

/** One entry of a resource listing. */
export interface ListedResource {
  uri: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
}

/** What a resource read returns: text or base64 blob contents. */
export type ResourceContent =
  { uri: string; mimeType?: string; text: string } | { uri: string; mimeType?: string; blob: string };

/** A provider method listing concrete resources of a template. */
export type ResourceListMethod = (ctx: ResourceContext) => Promise<ListedResource[]>;

/** A provider method completing a template variable or prompt argument from its prefix. */
export type CompletionMethod = (prefix: string, ctx: ResourceContext) => Promise<string[]>;

/**
 * Method names of the provider class, checked by the compiler: `list`/`complete` name methods of
 * the decorated class with the right signature (a typo or a wrong signature does not compile).
 */
type MethodsNamed<K extends string, F> = { [P in K]: F };

/** Options of {@link Resource}. */
export interface ResourceOptions<L extends string = string, C extends string = string> {
  /** Unique name, e.g. `jira-issue`. */
  name: string;
  /** A fixed URI (`jira://projects`) or an RFC 6570 template (`jira://issue/{key}`). */
  uri: string;
  title: string;
  description: string;
  mimeType?: string;
  /** Name of a method of this class, a {@link ResourceListMethod}, that lists concrete resources. */
  list?: L;
  /** Template variable → name of a method of this class, a {@link CompletionMethod}, completing it. */
  complete?: Record<string, C>;
  /** OAuth scopes needed to read it. */
  scopes?: string[];
  /** What the URI variables name: variable → kind of reference (`{ key: 'issue' }`), checked like a tool's targets. */
  targets?: Record<string, string>;
}

export interface ResourceMetadata extends ResourceOptions {
  readonly method: string | symbol;
}

/** A resource read handler. */
export type ResourceHandler = (
  uri: URL,
  variables: Record<string, string>,
  ctx: ResourceContext,
) => Promise<ResourceContent[]>;

/** Marks a class whose `@Resource` methods contribute MCP resources. */
export function ResourceProvider() {
  return markProvider('resource');
}

/** Declares an MCP resource (or resource template) read by the decorated method. */
export function Resource<L extends string = never, C extends string = never>(options: ResourceOptions<L, C>) {
  return <T extends MethodsNamed<L, ResourceListMethod> & MethodsNamed<C, CompletionMethod>>(
    target: T,
    method: string | symbol,
    _descriptor: { value?: ResourceHandler },
  ): void => {
    pushMeta<ResourceMetadata>(target.constructor, RESOURCES, { ...options, method });
  };
}

/** A prompt message, as MCP defines it (text only here). */
export interface PromptMessageText {
  role: 'user' | 'assistant';
  text: string;
}

/** Options of {@link Prompt}. */
export interface PromptOptions<A extends ZodObjectSchema, C extends string = string> {
  name: string;
  title: string;
  description: string;
  args?: A;
  /** Argument → name of a method of this class, a {@link CompletionMethod}, completing it. */
  complete?: Record<string, C>;
  /** What the arguments name: argument → kind of reference, checked like a tool's targets. */
  targets?: Record<string, string>;
}

export interface PromptMetadata extends PromptOptions<ZodObjectSchema> {
  readonly method: string | symbol;
}

/** A prompt handler. */
export type PromptHandler<A extends ZodObjectSchema> = (
  args: z.infer<A>,
  ctx: ResourceContext,
) => Promise<PromptMessageText[] | string>;

/** Marks a class whose `@Prompt` methods contribute MCP prompts. */
export function PromptProvider() {
  return markProvider('prompt');
}

/** Declares an MCP prompt template produced by the decorated method. */
export function Prompt<A extends ZodObjectSchema, C extends string = never>(options: PromptOptions<A, C>) {
  return <T extends MethodsNamed<C, CompletionMethod>>(
    target: T,
    method: string | symbol,
    _descriptor: { value?: PromptHandler<A> },
  ): void => {
    pushMeta<PromptMetadata>(target.constructor, PROMPTS, {
      ...(options as unknown as PromptOptions<ZodObjectSchema>),
      method,
    });
  };
}

/**
 * Constructor-parameter injection. Use it on every parameter:
 * `constructor(@inject(coreServices.http) private readonly http: HttpService)`.
 * The token is recorded under a global key too, so the host can construct the class even when
 * the plugin carries its own copy of core (and of the DI library).
 * @public
 */
export function inject<T>(token: ServiceToken<T> | (new (...args: never[]) => T)) {
  const decorate = tsyringeInject(token as never);
  return (target: object, key: string | symbol | undefined, index: number): void => {
    decorate(target, key, index);
    if (key !== undefined) return;
    const own = Object.prototype.hasOwnProperty.call(target, INJECT)
      ? (target as Record<symbol, unknown[]>)[INJECT]
      : undefined;
    const list = own ?? [];
    list[index] = token;
    Object.defineProperty(target, INJECT, { value: list, configurable: true, enumerable: false, writable: true });
  };
}

/** Makes a plain service class resolvable in a plugin container (providers get it from their decorator). */
export function Service() {
  return <C extends new (...args: never[]) => object>(ctor: C): C => {
    injectable()(ctor as never);
    return ctor;
  };
}

/** @internal Reads the metadata the decorators wrote. */
export const metadata = {
  tools: (ctor: object): ToolMetadata[] => (ctor as Record<symbol, ToolMetadata[]>)[TOOLS] ?? [],
  resources: (ctor: object): ResourceMetadata[] => (ctor as Record<symbol, ResourceMetadata[]>)[RESOURCES] ?? [],
  prompts: (ctor: object): PromptMetadata[] => (ctor as Record<symbol, PromptMetadata[]>)[PROMPTS] ?? [],
  kind: (ctor: object): string | undefined => (ctor as Record<symbol, string>)[PROVIDER_KIND],
  /** The `@inject` token of each constructor parameter (holes where one is missing). */
  injections: (ctor: object): unknown[] =>
    Object.prototype.hasOwnProperty.call(ctor, INJECT) ? (ctor as Record<symbol, unknown[]>)[INJECT]! : [],
};
