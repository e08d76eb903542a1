// Service desks, request type groups, the JSM info and the Assets workspace discovery.
import { json } from '../../core/http.js';
import type { Handler } from '../../core/product.js';
import { canAccessDesk, jsm, requireDeskAccess } from '../access.js';
import { deskDto } from '../render/desk.js';
import { paged } from '../render/paging.js';

export const getServiceDesks: Handler = (ctx) => {
  const st = jsm(ctx);
  const desks = [...st.desks.values()].filter((d) => canAccessDesk(st, d, ctx.accountId));
  return json(
    200,
    paged(ctx, desks, (d) => deskDto(st, ctx.base, d)),
  );
};

export const getServiceDeskById: Handler = (ctx) => json(200, deskDto(jsm(ctx), ctx.base, requireDeskAccess(ctx)));

export const getRequestTypeGroups: Handler = (ctx) => {
  const desk = requireDeskAccess(ctx);
  const groups = [...jsm(ctx).groups.values()].filter((g) => g.serviceDeskId === desk.id);
  return json(
    200,
    paged(ctx, groups, (g) => ({ id: g.id, name: g.name })),
  );
};

export const getInfo: Handler = (ctx) =>
  json(200, {
    version: '10.3.0',
    platformVersion: '1001.0.0-SNAPSHOT',
    buildDate: {
      iso8601: '2026-10-20T08:00:00+0000',
      jira: '2026-10-20T08:00:00.000+0000',
      friendly: '20/Oct/26 8:00 AM',
      epochMillis: Date.parse('2026-10-20T08:00:00Z'),
    },
    buildChangeSet: 'sandbox',
    isLicensedForUse: jsm(ctx).desks.size > 0,
    _links: { self: `${ctx.base}/rest/servicedeskapi` },
  });

const workspaces: Handler = (ctx) => {
  const id = ctx.site.assets.workspaceId;
  return json(200, paged(ctx, id ? [{ workspaceId: id }] : []));
};
export const getAssetsWorkspaces = workspaces;
export const getInsightWorkspaces = workspaces;
