// Issue links, remote links and watchers.
import { ApiError, empty, json } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import type { Issue, RemoteLink } from '../model.js';
import { isAdf } from '../mutate.js';
import { issueRef, linkTypeBean, userBean } from '../render.js';
import { addCommentRecord } from './issues.js';
import { rc, requireBody, store } from './util.js';

interface LinkBody {
  type?: { id?: string; name?: string };
  inwardIssue?: { id?: string; key?: string };
  outwardIssue?: { id?: string; key?: string };
  comment?: { body?: unknown; visibility?: unknown };
}

export const linkIssues: Handler = (ctx) => {
  const st = store(ctx);
  const b = requireBody<LinkBody>(ctx);
  const type = b.type?.id
    ? st.issueLinkTypes.get(String(b.type.id))
    : [...st.issueLinkTypes.values()].find((t) => t.name.toLowerCase() === String(b.type?.name ?? '').toLowerCase());
  if (!type) throw new ApiError(404, [`No issue link type with name '${b.type?.name ?? b.type?.id ?? ''}' found.`]);
  const ref = (r?: { id?: string; key?: string }) => (r ? st.issue(String(r.key ?? r.id ?? '')) : undefined);
  const inward = ref(b.inwardIssue);
  const outward = ref(b.outwardIssue);
  if (!inward || !outward) throw new ApiError(404, ['Issue Does Not Exist']);
  if (inward.id === outward.id) throw new ApiError(400, ['You cannot link an issue to itself.']);
  const existing = [...st.issueLinks.values()].find(
    (l) => l.typeId === type.id && l.inwardIssueId === inward.id && l.outwardIssueId === outward.id,
  );
  const id = existing?.id ?? String(st.nextId('issueLink'));
  if (!existing) st.addLink({ id, typeId: type.id, inwardIssueId: inward.id, outwardIssueId: outward.id });
  if (b.comment?.body !== undefined) {
    if (!isAdf(b.comment.body))
      throw new ApiError(400, [], {
        comment: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)',
      });
    addCommentRecord(ctx, inward, b.comment.body);
  }
  for (const i of [inward, outward]) i.fields.updated = ctx.now;
  return { status: 201, headers: { location: `${ctx.base}/rest/api/3/issueLink/${id}` } };
};

export const getIssueLink: Handler = (ctx) => {
  const st = store(ctx);
  const l = st.issueLinks.get(ctx.params.linkId!);
  if (!l) throw new ApiError(404, [`No issue link with id '${ctx.params.linkId}' exists.`]);
  const r = rc(ctx);
  return json(200, {
    id: l.id,
    self: `${ctx.base}/rest/api/3/issueLink/${l.id}`,
    type: linkTypeBean(r, st.issueLinkTypes.get(l.typeId)!),
    inwardIssue: issueRef(r, st.issues.get(l.inwardIssueId)!),
    outwardIssue: issueRef(r, st.issues.get(l.outwardIssueId)!),
  });
};

export const deleteIssueLink: Handler = (ctx) => {
  const st = store(ctx);
  if (!st.issueLinks.has(ctx.params.linkId!))
    throw new ApiError(404, [`No issue link with id '${ctx.params.linkId}' exists.`]);
  st.removeLink(ctx.params.linkId!);
  return empty(204);
};

// ---- remote links ------------------------------------------------------------------------

function remoteBean(ctx: HandlerContext, issue: Issue, l: RemoteLink) {
  const out: Record<string, unknown> = {
    id: l.id,
    self: `${ctx.base}/rest/api/3/issue/${issue.key}/remotelink/${l.id}`,
  };
  if (l.globalId) out.globalId = l.globalId;
  if (l.application) out.application = l.application;
  if (l.relationship) out.relationship = l.relationship;
  out.object = l.object;
  return out;
}

function validateRemote(b: Partial<RemoteLink>): void {
  const errors: Record<string, string> = {};
  if (!b.object || typeof b.object !== 'object') errors.object = "'object' is required.";
  else {
    if (!b.object.url) errors.url = "'url' is required.";
    else {
      try {
        new URL(b.object.url);
      } catch {
        errors.url = `'${b.object.url}' is not a valid URL.`;
      }
    }
    if (!b.object.title) errors.title = "'title' is required.";
  }
  if (Object.keys(errors).length) throw new ApiError(400, [], errors);
}

export const getRemoteIssueLinks: Handler = (ctx) => {
  const issue = store(ctx).requireIssue(ctx.params.issueIdOrKey!);
  const g = ctx.query.globalId as string | undefined;
  if (g) {
    const l = issue.remoteLinks.find((x) => x.globalId === g);
    if (!l) throw new ApiError(404, [`No remote link with globalId '${g}' exists.`]);
    return json(200, remoteBean(ctx, issue, l));
  }
  return json(
    200,
    issue.remoteLinks.map((l) => remoteBean(ctx, issue, l)),
  );
};

export const createOrUpdateRemoteIssueLink: Handler = (ctx) => {
  const st = store(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  const b = requireBody<Partial<RemoteLink>>(ctx);
  validateRemote(b);
  const existing = b.globalId ? issue.remoteLinks.find((l) => l.globalId === b.globalId) : undefined;
  if (existing) {
    Object.assign(existing, { application: b.application, relationship: b.relationship, object: b.object });
    issue.fields.updated = ctx.now;
    st.touch();
    return json(200, { id: existing.id, self: `${ctx.base}/rest/api/3/issue/${issue.key}/remotelink/${existing.id}` });
  }
  const l: RemoteLink = { id: st.nextId('remoteLink'), issueId: issue.id, object: b.object! };
  if (b.globalId) l.globalId = b.globalId;
  if (b.application) l.application = b.application;
  if (b.relationship) l.relationship = b.relationship;
  issue.remoteLinks.push(l);
  issue.fields.updated = ctx.now;
  st.touch();
  return json(201, { id: l.id, self: `${ctx.base}/rest/api/3/issue/${issue.key}/remotelink/${l.id}` });
};

function findRemote(ctx: HandlerContext): { issue: Issue; link: RemoteLink } {
  const issue = store(ctx).requireIssue(ctx.params.issueIdOrKey!);
  const link = issue.remoteLinks.find((l) => String(l.id) === ctx.params.linkId);
  if (!link) throw new ApiError(404, [`No remote link with id '${ctx.params.linkId}' exists.`]);
  return { issue, link };
}

export const getRemoteIssueLinkById: Handler = (ctx) => {
  const { issue, link } = findRemote(ctx);
  return json(200, remoteBean(ctx, issue, link));
};

export const updateRemoteIssueLink: Handler = (ctx) => {
  const { issue, link } = findRemote(ctx);
  const b = requireBody<Partial<RemoteLink>>(ctx);
  validateRemote(b);
  Object.assign(link, {
    globalId: b.globalId ?? link.globalId,
    application: b.application,
    relationship: b.relationship,
    object: b.object,
  });
  issue.fields.updated = ctx.now;
  store(ctx).touch();
  return empty(204);
};

export const deleteRemoteIssueLinkById: Handler = (ctx) => {
  const { issue, link } = findRemote(ctx);
  issue.remoteLinks = issue.remoteLinks.filter((l) => l !== link);
  store(ctx).touch();
  return empty(204);
};

// ---- watchers ----------------------------------------------------------------------------

export const getIssueWatchers: Handler = (ctx) => {
  const st = store(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  const r = rc(ctx);
  return json(200, {
    self: `${ctx.base}/rest/api/3/issue/${issue.key}/watchers`,
    isWatching: issue.watchers.includes(ctx.accountId),
    watchCount: issue.watchers.length,
    watchers: issue.watchers.map((a) => userBean(r, st.user(a))).filter(Boolean),
  });
};

export const addWatcher: Handler = (ctx) => {
  const st = store(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  // The body is a JSON string (the accountId); empty means the caller.
  const raw = ctx.req.body?.toString('utf8').trim();
  let accountId = ctx.accountId;
  if (raw) {
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch {
      throw new ApiError(400, ['Invalid request payload. Refer to the REST API documentation and try again.']);
    }
    if (typeof v !== 'string')
      throw new ApiError(400, ['Invalid request payload. Refer to the REST API documentation and try again.']);
    accountId = v;
  }
  const u = st.user(accountId);
  if (!u) throw new ApiError(404, [`The user with account ID '${accountId}' does not exist.`]);
  if (!u.active) throw new ApiError(400, [`The user '${u.displayName}' does not have permission to view this issue.`]);
  if (!issue.watchers.includes(accountId)) issue.watchers.push(accountId);
  st.touch();
  return empty(204);
};

export const removeWatcher: Handler = (ctx) => {
  const st = store(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  const accountId = (ctx.query.accountId as string | undefined) ?? (ctx.query.username as string | undefined);
  if (!accountId) throw new ApiError(400, ['accountId is required.']);
  if (!st.user(accountId)) throw new ApiError(404, [`The user with account ID '${accountId}' does not exist.`]);
  issue.watchers = issue.watchers.filter((a) => a !== accountId);
  st.touch();
  return empty(204);
};
