import type { Link, Nodes } from 'mdast';
import { InputError } from '../plugin-api/errors.js';
import { parseInPieces } from './markdown-chunks.js';
import type { PlaceholderResolver } from './placeholder-resolver.js';
import { parsePlaceholder, unescapePlaceholderText, type PlaceholderMdast } from './placeholder-syntax.js';

/** A person as a product's user search returns them. */
export interface DirectoryUser {
  accountId: string;
  displayName: string;
}

/**
 * A product's people search (Jira's user search, Confluence's…), supplied by the plugin: core's
 * converters never call Atlassian themselves.
 */
export interface UserDirectory {
  /** People matching `query` (a display name or email), best first. */
  search(query: string): Promise<DirectoryUser[]>;
}

/** Mentions checked against the directory before a write: request key → the person meant. */
export type MentionTable = ReadonlyMap<string, DirectoryUser>;

/** The table key of `[@Name](accountid:ID)` (id given) or `⟦@Name⟧` (name only). */
export function mentionKey(name: string, accountId?: string): string {
  return accountId === undefined ? `name\u0000${name}` : `id\u0000${accountId}\u0000${name}`;
}

/** A mention the Markdown writes: its display name (without `@`) and the account id, if given. */
interface MentionRequest {
  name: string;
  accountId?: string;
}

/**
 * Checks every mention the Markdown writes that no document at hand already has: an account id
 * the model made up, or a bare `⟦@Name⟧`. Each is resolved by name through the directory — one
 * person named exactly so, or the id among the matches — or refused with the candidates.
 */
export async function resolveMentions(
  markdown: string,
  users: UserDirectory,
  resolver: PlaceholderResolver,
): Promise<MentionTable> {
  const table = new Map<string, DirectoryUser>();
  const requests = new Map<string, MentionRequest>();
  for (const request of mentionRequests(markdown)) {
    const display = '@' + request.name;
    const known =
      request.accountId !== undefined
        ? resolver.mention(request.accountId, display) !== undefined
        : resolver.mentionsNamed(display).length === 1;
    if (!known) requests.set(mentionKey(request.name, request.accountId), request);
  }
  const searches = new Map<string, Promise<DirectoryUser[]>>();
  await Promise.all(
    [...requests].map(async ([key, request]) => {
      if (!searches.has(request.name)) searches.set(request.name, users.search(request.name));
      table.set(key, choose(request, await searches.get(request.name)!));
    }),
  );
  return table;
}

function choose(request: MentionRequest, found: DirectoryUser[]): DirectoryUser {
  const byId = request.accountId === undefined ? undefined : found.find((u) => u.accountId === request.accountId);
  if (byId !== undefined) return { accountId: byId.accountId, displayName: request.name };
  const exact = found.filter((u) => u.displayName.toLowerCase() === request.name.toLowerCase());
  if (exact.length === 1) return exact[0]!;
  const shown =
    request.accountId === undefined ? `⟦@${request.name}⟧` : `[@${request.name}](accountid:${request.accountId})`;
  const candidates = (exact.length > 0 ? exact : found).slice(0, 8);
  if (candidates.length === 0)
    throw new InputError(`Mention ${shown}: no user is named "${request.name}".`, {
      hint: 'Find the person with a user search, then write [@Name](accountid:ID) with their account id.',
    });
  throw new InputError(
    `Mention ${shown}: ${request.accountId === undefined ? 'several people match' : 'that account id is not theirs'}. Candidates: ${candidates
      .map((u) => `[@${u.displayName}](accountid:${u.accountId})`)
      .join(', ')}.`,
    { hint: 'Write the one you mean exactly as listed.' },
  );
}

/** Every mention the Markdown writes, in both forms. */
function mentionRequests(markdown: string): MentionRequest[] {
  const out: MentionRequest[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'link' && node.url.startsWith('accountid:')) {
      const accountId = node.url.slice('accountid:'.length);
      const name = textOf(node).replace(/^@/, '');
      if (accountId !== '') out.push({ name, accountId });
      return;
    }
    if (node.type === 'placeholder') {
      const name = mentionName((node as PlaceholderMdast).value);
      if (name !== undefined && parsePlaceholder((node as PlaceholderMdast).value).id === undefined) out.push({ name });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  // Both forms need `@` or `accountid:` (written out, or as character references): else none to find.
  if (!/[@&]|accountid/.test(markdown)) return out;
  visit(parseInPieces(markdown));
  return out;
}

/** `Jane Doe` for the placeholder body `@Jane Doe` (or `@Jane Doe^id`), else undefined. */
export function mentionName(raw: string): string | undefined {
  if (!raw.startsWith('@')) return undefined;
  const id = parsePlaceholder(raw).id;
  const name = unescapePlaceholderText(raw.slice(1, id === undefined ? undefined : raw.length - id.length - 1));
  return name === '' ? undefined : name;
}

function textOf(node: Link): string {
  return node.children.map((c) => ('value' in c ? c.value : '')).join('');
}
