import { apiPath, coreServices, inject, Service, type HttpService } from '@atlassian-mcp/core';
import { SCOPE } from '../scopes.js';

/** Jira's custom field type of an Assets object field ("Affected assets", "Affected services"…). */
const CMDB_FIELD_TYPE = 'com.atlassian.jira.plugins.cmdb:cmdb-object-cftype';

type JiraField = { id: string; name: string; schema?: { custom?: string } };
type AssetRef = { workspaceId?: string; objectId?: string; id?: string };

/** The Assets objects a request's Assets fields hold (read through Jira: the servicedeskapi does not show them). */
@Service()
export class RequestAssets {
  constructor(@inject(coreServices.http) private readonly http: HttpService) {}

  /** Field name → object ids, for each Assets field that holds something. */
  async of(issueKey: string): Promise<Array<{ field: string; objectIds: string[] }>> {
    const fields = await this.http.request<JiraField[]>({
      product: 'jsm',
      method: 'GET',
      path: '/rest/api/3/field',
      scopes: [SCOPE.jiraRead],
    });
    const cmdb = fields.data.filter((f) => f.schema?.custom === CMDB_FIELD_TYPE);
    if (cmdb.length === 0) return [];
    const issue = await this.http.request<{ fields?: Record<string, unknown> }>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/api/3/issue/${issueKey}`,
      query: { fields: cmdb.map((f) => f.id).join(',') },
      scopes: [SCOPE.jiraRead],
    });
    return cmdb
      .map((f) => ({
        field: f.name,
        objectIds: ((issue.data.fields?.[f.id] as AssetRef[] | null | undefined) ?? [])
          .map((r) => r.objectId ?? r.id?.split(':').pop())
          .filter((id): id is string => !!id && /^\d+$/.test(id)),
      }))
      .filter((f) => f.objectIds.length > 0);
  }
}
