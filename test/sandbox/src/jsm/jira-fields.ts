// JSM's fields as `/rest/api/3/issue` shows them on a request: the request type with its portal
// links and status, the SLAs on the sandbox clock, approvals, satisfaction and organizations.
import type { Issue } from '../jira/model.js';
import type { RenderCtx } from '../jira/render/context.js';
import type { Site } from '../site.js';
import { JSM_FIELD as F } from './fields.js';
import { approvalDto } from './render/approval.js';
import { requestTypeDto } from './render/desk.js';
import { currentStatus } from './render/status.js';
import { slaInformation, slaViews } from './sla/information.js';

export function requestLinks(c: { base: string }, origin: string, issue: Issue, deskId: string) {
  return {
    jiraRest: `${c.base}/rest/api/2/issue/${issue.id}`,
    web: `${origin}/servicedesk/customer/portal/${deskId}/${issue.key}`,
    agent: `${origin}/browse/${issue.key}`,
    self: `${c.base}/rest/servicedeskapi/request/${issue.id}`,
  };
}

const originOf = (base: string) => base.replace(/\/ex\/jira\/[^/]+$/, '');

export function registerJsmFields(site: Site): void {
  const st = site.jsm;
  const request = (issue: Issue) => st.requestOf(issue);
  const r = site.jira.fieldRenderers;
  r.set(F.requestType, (c: RenderCtx, issue) => {
    const req = request(issue);
    const t = req && st.requestTypes.get(req.requestTypeId);
    if (!req || !t) return null;
    return {
      _links: requestLinks(c, originOf(c.base), issue, req.serviceDeskId),
      requestType: requestTypeDto(st, c.base, t),
      currentStatus: currentStatus(st, issue, site.now()),
    };
  });
  const sla = (metricName: string) => (c: RenderCtx, issue: Issue) => {
    const req = request(issue);
    if (!req) return null;
    const v = slaViews(st, issue, req, site.now()).find((x) => x.metric.name === metricName);
    if (!v) return null;
    const out = slaInformation(c.base, issue, v, site.now());
    delete out.slaDisplayFormat;
    return out;
  };
  r.set(F.timeToFirstResponse, sla('Time to first response'));
  r.set(F.timeToResolution, sla('Time to resolution'));
  r.set(F.approvals, (c, issue) => {
    const list = st.approvalsOf(issue.id);
    return list.length ? list.map((a) => approvalDto(st, c.base, a, c.viewer, site.now())) : null;
  });
  r.set(F.satisfaction, (_c, issue) => {
    const f = request(issue)?.feedback;
    return f ? { rating: f.rating } : null;
  });
  r.set(F.organizations, (c, issue) => {
    const ids = (issue.fields[F.organizations] as string[] | undefined) ?? [];
    return ids
      .map((id) => st.organizations.get(id))
      .filter((o) => !!o)
      .map((o) => ({
        id: o!.id,
        name: o!.name,
        _links: { self: `${c.base}/rest/servicedeskapi/organization/${o!.id}` },
      }));
  });
}
