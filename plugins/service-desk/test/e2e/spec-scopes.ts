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

/** The scopes the operation answering `method path` needs, or undefined when it is not vendored. */
export function scopesOf(method: string, path: string): string[] | undefined {
  // Literal segments win over templated ones (`/requesttype/permissions/check` before `/{id}`).
  const hits = OPERATIONS.filter((o) => o.method === method && o.pattern.test(path));
  hits.sort((a, b) => (b.path.match(/\{/g)?.length ?? 0) - (a.path.match(/\{/g)?.length ?? 0)).reverse();
  return hits[0]?.scopes;
}
