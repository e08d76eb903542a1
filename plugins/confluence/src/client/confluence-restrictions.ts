import { apiPath, coreServices, inject, Service } from '@atlassian-mcp/core';
import type { ConfluenceHttp, V1 } from './confluence-http.js';

type Restriction = V1['ContentRestriction'];

/** Who may read or edit a page, when it is restricted (v1: v2 has no restriction reads). */
@Service()
export class ConfluenceRestrictions {
  constructor(@inject(coreServices.http) private readonly http: ConfluenceHttp) {}

  /** Per operation (read, update), the users and groups it is restricted to; empty lists mean no restriction. */
  async byOperation(id: string): Promise<Record<string, { users: string[]; groups: string[] }>> {
    const res = await this.http.request<Record<string, Restriction>>({
      product: 'confluence',
      method: 'GET',
      path: apiPath`/wiki/rest/api/content/${id}/restriction/byOperation`,
      query: { expand: 'restrictions.user,restrictions.group' },
    });
    const out: Record<string, { users: string[]; groups: string[] }> = {};
    for (const [op, r] of Object.entries(res.data ?? {})) {
      const users = (r.restrictions?.user?.results ?? []).map((u) => u?.displayName ?? u?.accountId ?? '?');
      const groups = (r.restrictions?.group?.results ?? []).map((g) => (g as { name?: string }).name ?? '?');
      out[op] = { users, groups };
    }
    return out;
  }
}
