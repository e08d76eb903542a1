import { apiPath, coreServices, inject, Service, type HttpService } from '@atlassian-mcp/core';
import type { JsmPage, RequestComment } from './jsm-http.js';
import { CLOCK_SKEW_MS, type Lookup } from './lookup.js';

/** How many comments a lost add is looked for among (oldest first: the newest are on the last pages). */
const LOOKUP_PAGES = 5;

/** Request comments: public (the customer sees them) or internal (agents only). Bodies are wiki text. */
@Service()
export class JsmComments {
  constructor(@inject(coreServices.http) private readonly http: HttpService) {}

  async list(
    issueIdOrKey: string,
    o: { public?: boolean; internal?: boolean; start: number; limit: number },
  ): Promise<JsmPage<RequestComment>> {
    const res = await this.http.request<JsmPage<RequestComment>>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/comment`,
      query: { public: o.public, internal: o.internal, start: o.start, limit: o.limit },
    });
    return res.data;
  }

  /** Adds a comment; `isPublic` is always sent, never left to JSM's public default. */
  async add(issueIdOrKey: string, body: string, isPublic: boolean): Promise<RequestComment> {
    const since = Date.now() - CLOCK_SKEW_MS;
    const res = await this.http.request<RequestComment>({
      product: 'jsm',
      method: 'POST',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/comment`,
      body: { body, public: isPublic },
      writeKey: issueIdOrKey,
      reconcile: {
        check: `servicedesk_get_request_comments {issueKey: "${issueIdOrKey}"}: is the new comment there? Add it again only if it is not.`,
        find: () => this.findAdded(issueIdOrKey, body, isPublic, since),
      },
    });
    return res.data;
  }

  /** A comment with this body and visibility, created since `since` (the servicedeskapi has no properties to mark it). */
  private async findAdded(
    key: string,
    body: string,
    isPublic: boolean,
    since: number,
  ): Promise<Lookup<RequestComment>> {
    for (let page = 0, start = 0; page < LOOKUP_PAGES; page++) {
      const res = await this.list(key, { start, limit: 100 });
      const values = res.values ?? [];
      const hit = values.find(
        (c) => c.body === body && (c.public !== false) === isPublic && (c.created?.epochMillis ?? 0) >= since,
      );
      if (hit) return { found: true, data: hit };
      if (res.isLastPage !== false || values.length === 0) return { found: false };
      start += values.length;
    }
    throw new Error(`more than ${LOOKUP_PAGES * 100} comments on ${key}: the new one cannot be ruled out`);
  }
}
