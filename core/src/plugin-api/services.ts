/**
 * The narrow service interfaces core hands to plugins. Core's classes implement them; no concrete
 * class crosses the plugin boundary, so a plugin sees what it may use and nothing more.
 * Types come only from leaf modules (no runtime imports), so the plugin API has no cycles.
 */
import type { AtlassianRequest, AtlassianResponse } from '../http/types.js';
import type { AdfDoc } from '../content/adf-types.js';

/**
 * The one Atlassian HTTP pipeline: auth header, per-site/product queue, rate limits, retries,
 * reconciliation of lost writes and status → error mapping. Errors are thrown as core errors.
 * @public
 */
export interface HttpService {
  /** Sends a request and decodes the answer; throws a core error for every failure. */
  request<T = unknown>(req: AtlassianRequest): Promise<AtlassianResponse<T>>;
}

/**
 * Names (and URLs) for media nodes, e.g. from the attachments.
 * @public
 */
export type MediaResolver = (attrs: Record<string, unknown>) => { name: string; url?: string } | undefined;

/**
 * Display names for account ids (storage user links carry only the id).
 * @public
 */
export type StorageUserNames = (accountId: string) => string | undefined;

/**
 * A section edit: replace/insert around a heading's section, append/prepend, or find/replace.
 * @public
 */
export type SectionEditInput =
  | { op: 'replace_section' | 'insert_after_section' | 'insert_before_section'; heading: string; markdown: string }
  | { op: 'append' | 'prepend'; markdown: string }
  | { op: 'find_replace'; find: string; replace: string; all?: boolean };

/**
 * Mentions `resolveMentions` checked, to pass to a write.
 * @public
 */
export type CheckedMentions = ReadonlyMap<string, { accountId: string; displayName: string }>;

/**
 * Rich text: ADF and Confluence storage ⇄ the Markdown the model reads and writes, losslessly
 * (what Markdown cannot say survives as placeholders), with section edits and schema guards.
 * @public
 */
export interface RichTextService {
  /**
   * ADF → Markdown (GFM + placeholders). `null`/`undefined` give `''`. `source` names the document
   * (`jira:PROJ-1:description`): the read is remembered for the calling connection, so its
   * Markdown can be written into another document and keep its rich nodes.
   */
  adfToMarkdown(doc: AdfDoc | null | undefined, options?: { media?: MediaResolver; source?: string }): string;
  /**
   * Markdown → schema-valid ADF. With `base` (the document as it is now) placeholders resolve
   * against it and unchanged blocks come back byte for byte; placeholders copied from another
   * document the connection read resolve against that one. `source` names the document written,
   * `mentions` is what `resolveMentions` checked.
   */
  markdownToAdf(
    markdown: string,
    options?: { base?: AdfDoc; media?: MediaResolver; source?: string; mentions?: CheckedMentions },
  ): AdfDoc;
  /** Applies a section edit to an ADF document; the result is validated. */
  editAdfSection(
    current: AdfDoc,
    edit: SectionEditInput,
    options?: { media?: MediaResolver; source?: string; mentions?: CheckedMentions },
  ): AdfDoc;
  /**
   * Checks the mentions Markdown writes that no document at hand has (a made-up account id, a
   * bare `⟦@Name⟧`) with the product's people search (`users.search`, supplied by the plugin):
   * each resolves to one person by name or the write is refused with the candidates.
   */
  resolveMentions(
    markdown: string,
    users: { search(query: string): Promise<Array<{ accountId: string; displayName: string }>> },
    options?: { base?: AdfDoc; source?: string },
  ): Promise<CheckedMentions>;
  /** The raw escape hatch: ADF as JSON text or an object, parsed and schema-checked. */
  parseRawAdf(json: string | object): AdfDoc;
  /** Confluence storage (XHTML) → Markdown. */
  storageToMarkdown(
    storage: string | null | undefined,
    options?: { users?: StorageUserNames; source?: string },
  ): string;
  /** Markdown → well-formed storage; with `base`, unchanged blocks come back as they were. */
  markdownToStorage(
    markdown: string,
    options?: { users?: StorageUserNames; base?: string; source?: string; mentions?: CheckedMentions },
  ): string;
  /** Applies a section edit to a storage document. */
  editStorageSection(
    current: string,
    edit: SectionEditInput,
    options?: { users?: StorageUserNames; source?: string; mentions?: CheckedMentions },
  ): string;
  /** The raw escape hatch for storage: checks well-formedness and returns it unchanged. */
  parseRawStorage(storage: string): string;
}

/**
 * Who is signed in, read-only. Signing in and out belongs to the host, not to plugins.
 * @public
 */
export interface AuthStatusService {
  /** How requests authenticate. */
  method(): 'apiToken' | 'oauth';
  /** True when usable credentials are present (no network call). */
  isAuthenticated(): Promise<boolean>;
  /** Granted OAuth scopes; `undefined` for API tokens (they carry the account's permissions). */
  grantedScopes(): Promise<string[] | undefined>;
}

/**
 * The Atlassian site the server works on.
 * @public
 */
export interface SiteService {
  /** The configured site URL (`https://acme.atlassian.net`), if any. */
  readonly url: string | undefined;
  /**
   * A stable key for per-site caches (the cloudId once known, else the site URL), so two sites
   * — or two users on different sites — never share cached metadata.
   */
  cacheKey(): Promise<string>;
  /** The site's cloud id once known (OAuth and scoped tokens); `undefined` for classic API tokens. */
  cloudId(): Promise<string | undefined>;
  /** The products (`jira`, `confluence`, …) the loaded plugins use that these credentials reach (a live check, cached). */
  reachableProducts(): Promise<string[]>;
}

/**
 * Metadata caches (fields, spaces, desks…) kept per site, or per user on a site, with a TTL; in
 * memory in one process, shared by every replica of a hosted server (its state store, Redis).
 * Values are JSON (no `undefined`, no class instances). A store that cannot be reached makes the
 * call fail at once (nothing is sent to Atlassian).
 * @public
 */
export interface MetadataCacheService {
  /**
   * A named cache (`jira.fields`: prefix it with your plugin id). `scope`: who shares a value —
   * every user of the calling site, or only the calling user on it (for answers Atlassian filters by
   * the caller's permissions: a field list, the spaces one can see).
   */
  define<T>(name: string, options: { ttlMs: number; scope: 'site' | 'user' }): SharedCache<T>;
}

/**
 * One named cache, keyed for the calling site (and user) by core.
 * @public
 */
export interface SharedCache<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  /** The cached value, else `load()`'s, kept (a failed load is not); callers at once share one load. */
  getOrLoad(key: string, load: () => Promise<T>): Promise<T>;
  /** Loads again and keeps the new value (callers at once share one load). */
  refresh(key: string, load: () => Promise<T>): Promise<T>;
}

/**
 * What a local file access needs from the call: the user's confirmation (a `ToolContext` fits).
 * @public
 */
export interface FileConsent {
  confirm(message: string): Promise<boolean>;
}

/**
 * A local file that was read.
 * @public
 */
export interface LocalFile {
  readonly bytes: Uint8Array;
  /** The resolved path (symlinks followed). */
  readonly path: string;
  /** Its base name. */
  readonly name: string;
  readonly size: number;
}

/**
 * What an upload tool takes: a local `path` or inline `base64` content (with its `filename`).
 * @public
 */
export interface UploadSource {
  path?: string;
  base64?: string;
  /** Required with `base64`; with `path` it renames the file. */
  filename?: string;
}

/**
 * A file read and checked for an upload, ready to send.
 * @public
 */
export interface FileUpload {
  readonly bytes: Uint8Array;
  readonly filename: string;
  /** From the file name's extension (`application/octet-stream` when unknown). */
  readonly mimeType: string;
  /**
   * The multipart body Atlassian's upload endpoints take: the file as `file`, then `fields`
   * (undefined ones left out). Core's HTTP pipeline adds `X-Atlassian-Token: no-check`.
   */
  form(fields?: Record<string, string | undefined>): FormData;
}

/**
 * The only way a plugin reads or writes a local file. Off unless the configuration names allowed
 * directories (`files.allowedDirs`); paths are resolved and must stay inside them; credentials,
 * system trees and hidden files are never reachable; the user confirms each access with the
 * resolved path and size where the client can ask. Refusals are thrown as core errors.
 * @public
 */
export interface LocalFilesService {
  /** False when no local file can be read or written (nothing allowed, or switched off). */
  readonly enabled: boolean;
  /** Reads a whole file (an upload). `purpose` completes the confirmation: "attach it to NOVA-1". */
  read(path: string, consent: FileConsent, options?: { purpose?: string }): Promise<LocalFile>;
  /**
   * The file an upload tool was given: exactly one of a local `path` (read as `read` does, asking
   * the user) or inline `base64` (at most 7 MB decoded, non-empty, with a `filename`). Refusals
   * are input errors with a next step.
   */
  readUpload(source: UploadSource, consent: FileConsent, options: { purpose: string }): Promise<FileUpload>;
  /** Creates a new file (a download); never overwrites and never writes through a symlink. */
  write(
    path: string,
    bytes: Uint8Array,
    consent: FileConsent,
    options?: { purpose?: string },
  ): Promise<{ path: string; size: number }>;
}

/**
 * Says which container (a Jira project key, a Confluence space key) a reference lives in. A plugin
 * that declares `scope` implements it as a service. It must never request a reference that is
 * outside: resolve through queries confined to `allowed`, or by listing what `allowed` holds.
 * @public
 */
export interface ContainerResolver {
  /**
   * The container key of a reference of `kind` (`issue`, `board`…), or undefined when it is in
   * none of `allowed` or does not exist. `trusted` is true for a value Atlassian just returned
   * (a list being filtered): a cheap rule such as an issue key's prefix is then enough.
   */
  containerOf(kind: string, value: string, allowed: readonly string[], trusted: boolean): Promise<string | undefined>;
  /** For a query kind (`jql`, `cql`): the clause confining a query to `allowed`; undefined for other kinds. */
  restriction?(kind: string, allowed: readonly string[]): string | undefined;
}

/**
 * The plugin's allowlist, enforced on what a call touches (core checks declared `targets` before a
 * handler runs; plugins use this for lists they filter and references they find in values).
 * @public
 */
export interface ScopeService {
  /** True when an allowlist is configured for this plugin. */
  readonly active: boolean;
  /** The allowed container keys (upper case), or undefined when everything is allowed. */
  readonly allowed: readonly string[] | undefined;
  /** Whether a reference is inside (`trusted`: the value came from Atlassian just now). */
  allows(kind: string, value: string, options?: { trusted?: boolean }): Promise<boolean>;
  /** Throws a NotAllowedError when a reference is outside (or does not exist). */
  check(kind: string, value: string): Promise<void>;
  /** A query confined to the allowed containers (unbalanced quotes or parentheses: an InputError). */
  constrain(kind: string, query: string): string;
  /**
   * Checks the declared targets of a call's arguments (paths → kinds) and returns the arguments
   * with their queries confined; core calls it for every tool, resource and prompt.
   */
  apply<A>(args: A, targets: Record<string, string> | undefined): Promise<A>;
}
