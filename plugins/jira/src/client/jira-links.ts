import { apiPath, coreServices, inject, Service } from '@atlassian-mcp/core';
import { type JiraHttp, type JiraSchemas } from './jira-http.js';
import { newWriteMarker } from './write-marker.js';

export type IssueLinkType = JiraSchemas['IssueLinkType'];
export type RemoteLink = JiraSchemas['RemoteIssueLink'];

/** Issue links, link types and remote (web) links. */
@Service()
export class JiraLinks {
  constructor(@inject(coreServices.http) private readonly http: JiraHttp) {}

  async types(): Promise<IssueLinkType[]> {
    const res = await this.http.request<JiraSchemas['IssueLinkTypes']>({
      product: 'jira',
      method: 'GET',
      path: '/rest/api/3/issueLinkType',
    });
    return res.data.issueLinkTypes ?? [];
  }

  /** Links two issues; a lost answer is settled by looking for the link on the inward issue. */
  async link(body: JiraSchemas['LinkIssueRequestJsonBean']): Promise<void> {
    const from = body.inwardIssue?.key ?? body.inwardIssue?.id;
    const to = body.outwardIssue?.key ?? body.outwardIssue?.id;
    await this.http.request({
      product: 'jira',
      method: 'POST',
      path: '/rest/api/3/issueLink',
      body,
      reconcile: from
        ? {
            check: `jira_get_issue {issueKey: "${from}"}: is it already linked to ${to} (${body.type?.name})? Link again only if not.`,
            find: async () => {
              const res = await this.http.request<{ fields?: { issuelinks?: JiraSchemas['IssueLink'][] } }>({
                product: 'jira',
                method: 'GET',
                path: apiPath`/rest/api/3/issue/${from}`,
                query: { fields: 'issuelinks' },
              });
              const hit = (res.data.fields?.issuelinks ?? []).some(
                (l) =>
                  (l.type?.name === body.type?.name || (body.type?.id && l.type?.id === body.type.id)) &&
                  [l.outwardIssue?.key, l.outwardIssue?.id].includes(to),
              );
              return hit ? { found: true } : { found: false };
            },
          }
        : undefined,
    });
  }

  async unlink(linkId: string): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'DELETE',
      path: apiPath`/rest/api/3/issueLink/${linkId}`,
      idempotent: true,
    });
  }

  async remoteLinks(key: string): Promise<RemoteLink[]> {
    const res = await this.http.request<RemoteLink[]>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/issue/${key}/remotelink`,
    });
    return res.data;
  }

  async addRemoteLink(
    key: string,
    body: JiraSchemas['RemoteIssueLinkRequest'],
  ): Promise<JiraSchemas['RemoteIssueLinkIdentifies']> {
    // Jira updates the link with the same globalId instead of adding another: with one per call,
    // sending it again after a lost answer cannot duplicate it.
    const res = await this.http.request<JiraSchemas['RemoteIssueLinkIdentifies']>({
      product: 'jira',
      method: 'POST',
      path: apiPath`/rest/api/3/issue/${key}/remotelink`,
      body: { globalId: `atlassian-mcp:${newWriteMarker().id}`, ...body },
      idempotent: true,
      writeKey: key,
    });
    return res.data;
  }
}
