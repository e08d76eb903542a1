import jsmSpec from '../../spec/jsm.subset.json';

type Operation = { security?: Array<{ OAuth2?: string[] }> };

/** Every vendored JSM operation: method, path pattern and the OAuth scopes it needs. */
const OPERATIONS = Object.entries(jsmSpec.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => ['get', 'post', 'put', 'delete'].includes(method))
    .map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      scopes: (op.security ?? []).flatMap((s) => s.OAuth2 ?? []),
    })),
);

// Assets has no vendored spec: its scopes as developer.atlassian.com/cloud/assets/rest lists them
// (and the sandbox enforces them); the two Jira reads the plugin makes, as Jira's spec says.
const A = '/jsm/assets/workspace/[^/]+/v1';
const EXTRA: Array<{ method: string; pattern: RegExp; scopes: string[] }> = [
  ['GET', `${A}/objectschema/list`, 'read:cmdb-schema:jira'],
  ['GET', `${A}/objectschema/[^/]+/objecttypes/flat`, 'read:cmdb-type:jira'],
  ['GET', `${A}/objecttype/[^/]+/attributes`, 'read:cmdb-attribute:jira'],
  ['GET', `${A}/config/statustype`, 'read:cmdb-schema:jira'],
  ['GET', `${A}/object/[^/]+(/referenceinfo)?`, 'read:cmdb-object:jira'],
  ['GET', `${A}/objectconnectedtickets/[^/]+/tickets`, 'read:cmdb-object:jira'],
  ['POST', `${A}/object/aql`, 'read:cmdb-object:jira'],
  ['POST', `${A}/object/create`, 'write:cmdb-object:jira'],
  ['PUT', `${A}/object/[^/]+`, 'write:cmdb-object:jira'],
  ['GET', '/rest/api/3/field', 'read:jira-work'],
  ['GET', '/rest/api/3/issue/[^/]+', 'read:jira-work'],
  ['GET', '/rest/api/3/search/jql', 'read:jira-work'],
].map(([method, path, scope]) => ({ method: method!, pattern: new RegExp(`^${path}$`), scopes: [scope!] }));

/** The scopes the operation answering `method path` needs, or undefined when it is not vendored. */
export function scopesOf(method: string, path: string): string[] | undefined {
  const extra = EXTRA.find((o) => o.method === method && o.pattern.test(path));
  if (extra) return extra.scopes;
  // Literal segments win over templated ones (`/requesttype/permissions/check` before `/{id}`).
  const hits = OPERATIONS.filter((o) => o.method === method && o.pattern.test(path));
  hits.sort((a, b) => (b.path.match(/\{/g)?.length ?? 0) - (a.path.match(/\{/g)?.length ?? 0)).reverse();
  return hits[0]?.scopes;
}
