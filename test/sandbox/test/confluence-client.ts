// Shared helpers of the Confluence sandbox tests: a JSON client that validates every answer of
// a simulated operation against the vendored spec, and seed lookups by title.
import { responseValidator, type Sandbox } from '@atlassian-mcp/sandbox';

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export function client(sb: () => Sandbox) {
  return async function call(
    method: string,
    path: string,
    body?: unknown,
    o: { headers?: Record<string, string>; validate?: [api: 'confluence-v1' | 'confluence-v2', op: string] } = {},
  ): Promise<Answer> {
    const isForm = body instanceof FormData;
    const res = await sb().fetch(path, {
      method,
      headers: {
        authorization: sb().basicAuth(),
        ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
        ...o.headers,
      },
      body: body === undefined ? undefined : isForm ? body : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    if (o.validate && res.status < 300) {
      const v = responseValidator(o.validate[0], o.validate[1], res.status);
      if (v && !v(json))
        throw new Error(`${o.validate[1]} ${res.status} breaks the spec: ${JSON.stringify(v.errors?.slice(0, 3))}`);
    }
    return { status: res.status, body: json, headers: res.headers };
  };
}

/** A seeded page, blog post or folder by title. */
export function byTitle(sb: Sandbox, title: string) {
  for (const c of sb.site.confluence.contents.values()) if (c.title === title) return c;
  throw new Error(`no seeded content "${title}"`);
}

export const spaceId = (sb: Sandbox, key: string) => sb.site.confluence.spaceByKey(key)!.id;
