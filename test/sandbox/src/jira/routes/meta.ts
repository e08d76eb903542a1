// Site and reference data: /myself, /serverInfo, statuses, priorities, resolutions, issue
// types, labels, fields, link types.
import { json } from '../../core/http.js';
import type { Handler } from '../../core/product.js';
import { jiraTime } from '../format.js';
import {
  avatarUrls,
  fieldBean,
  issueTypeBean,
  linkTypeBean,
  priorityBean,
  resolutionBean,
  statusBean,
  statusCategoryBean,
} from '../render.js';
import { page, rc, store } from './util.js';

export const getCurrentUser: Handler = (ctx) => {
  const u = store(ctx).user(ctx.accountId)!;
  const expand = String(ctx.query.expand ?? '');
  const body: Record<string, unknown> = {
    self: `${ctx.base}/rest/api/3/user?accountId=${u.accountId}`,
    accountId: u.accountId,
    accountType: u.accountType,
    emailAddress: u.emailAddress,
    avatarUrls: avatarUrls(u.accountId),
    displayName: u.displayName,
    active: u.active,
    timeZone: u.timeZone,
    locale: u.locale,
    groups: {
      size: u.groups.length,
      items: expand.includes('groups') ? u.groups.map((name) => ({ name, groupId: name })) : [],
    },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
  return json(200, body);
};

export const getServerInfo: Handler = (ctx) =>
  json(200, {
    baseUrl: ctx.base,
    version: '1001.0.0-SNAPSHOT',
    versionNumbers: [1001, 0, 0],
    deploymentType: 'Cloud',
    buildNumber: 100284,
    buildDate: '2026-04-20T00:00:00.000+0000',
    serverTime: jiraTime(ctx.now),
    scmInfo: 'sandbox',
    serverTitle: 'Jira',
    displayUrl: ctx.base,
    serverTimeZone: 'Etc/UTC',
  });

export const getStatuses: Handler = (ctx) => {
  const r = rc(ctx);
  return json(
    200,
    [...store(ctx).statuses.values()].map((s) => ({ ...statusBean(r, s), untranslatedName: s.name, scope: undefined })),
  );
};

export const getStatusCategories: Handler = (ctx) => {
  const r = rc(ctx);
  return json(
    200,
    [...store(ctx).statusCategories.values()].map((c) => statusCategoryBean(r, c)),
  );
};

export const getPriorities: Handler = (ctx) => {
  const r = rc(ctx);
  return json(
    200,
    [...store(ctx).priorities.values()].map((p) => ({
      ...priorityBean(r, p),
      description: p.description,
      statusColor: p.statusColor,
      isDefault: p.id === '3',
    })),
  );
};

export const getResolutions: Handler = (ctx) => {
  const r = rc(ctx);
  return json(
    200,
    [...store(ctx).resolutions.values()].map((x) => resolutionBean(r, x)),
  );
};

export const getIssueAllTypes: Handler = (ctx) => {
  const r = rc(ctx);
  return json(
    200,
    [...store(ctx).issueTypes.values()].map((t) => issueTypeBean(r, t)),
  );
};

export const getAllLabels: Handler = (ctx) => {
  const labels = new Set<string>();
  for (const i of store(ctx).issues.values())
    for (const l of (i.fields.labels as string[] | undefined) ?? []) labels.add(l);
  const sorted = [...labels].sort();
  const p = page(sorted, ctx.query.startAt, ctx.query.maxResults, 1000, 1000);
  return json(200, {
    maxResults: p.maxResults,
    startAt: p.startAt,
    total: p.total,
    isLast: p.isLast,
    values: p.values,
  });
};

export const getFields: Handler = (ctx) => json(200, [...store(ctx).fields.values()].map(fieldBean));

export const getFieldsPaginated: Handler = (ctx) => {
  const st = store(ctx);
  let fields = [...st.fields.values()];
  const types = (ctx.query.type as string[] | undefined) ?? [];
  if (types.length) fields = fields.filter((f) => types.includes(f.custom ? 'custom' : 'system'));
  const ids = (ctx.query.id as string[] | undefined) ?? [];
  if (ids.length) fields = fields.filter((f) => ids.includes(f.id));
  const q = String(ctx.query.query ?? '').toLowerCase();
  if (q) fields = fields.filter((f) => f.name.toLowerCase().includes(q) || f.id.toLowerCase().includes(q));
  const orderBy = String(ctx.query.orderBy ?? '');
  if (/name/.test(orderBy)) fields.sort((a, b) => a.name.localeCompare(b.name) * (orderBy.startsWith('-') ? -1 : 1));
  const p = page(fields, ctx.query.startAt, ctx.query.maxResults, 50, 100);
  const values = p.values.map((f) => {
    const b = fieldBean(f) as Record<string, unknown>;
    const out: Record<string, unknown> = {
      id: f.id,
      key: f.key,
      name: f.name,
      schema: b.schema ?? { type: 'any' },
      isLocked: !f.custom,
      searcherKey: undefined,
    };
    if (f.description) out.description = f.description;
    if (f.custom) out.searcherKey = f.schema.custom;
    else delete out.searcherKey;
    return out;
  });
  return json(200, { maxResults: p.maxResults, startAt: p.startAt, total: p.total, isLast: p.isLast, values });
};

export const getIssueLinkTypes: Handler = (ctx) => {
  const r = rc(ctx);
  return json(200, { issueLinkTypes: [...store(ctx).issueLinkTypes.values()].map((t) => linkTypeBean(r, t)) });
};

export const getAttachmentMeta: Handler = () => json(200, { enabled: true, uploadLimit: 10_485_760 });
