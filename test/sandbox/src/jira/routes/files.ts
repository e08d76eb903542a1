// Attachments (multipart upload, metadata, content with Range support) and project versions/components.
import { ApiError, empty, json, type SandboxResponse } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import type { Attachment, Component, Version } from '../model.js';
import { attachmentBean, componentBean, userBean, versionBean } from '../render.js';
import { rc, requireBody, store } from './util.js';

const UPLOAD_LIMIT = 10_485_760;

interface Part {
  name?: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** Minimal multipart/form-data parser (enough for browsers, undici FormData and curl). */
export function parseMultipart(body: Buffer, contentType: string): Part[] {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) throw new ApiError(400, ['Missing multipart boundary.']);
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const parts: Part[] = [];
  let pos = body.indexOf(boundary);
  while (pos !== -1) {
    pos += boundary.length;
    if (body.slice(pos, pos + 2).toString() === '--') break;
    if (body.slice(pos, pos + 2).toString() === '\r\n') pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd === -1) break;
    const headers = body.slice(pos, headerEnd).toString('utf8');
    const next = body.indexOf(boundary, headerEnd + 4);
    if (next === -1) break;
    let end = next;
    if (body[end - 2] === 0x0d && body[end - 1] === 0x0a) end -= 2;
    const data = body.slice(headerEnd + 4, end);
    const disp = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disp)?.[1];
    const filenameStar = /filename\*=(?:UTF-8'')?([^;\r\n]+)/i.exec(disp)?.[1];
    const filename = filenameStar
      ? decodeURIComponent(filenameStar.replace(/"/g, ''))
      : /filename="([^"]*)"/i.exec(disp)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
    parts.push({ name, filename, contentType: type, data });
    pos = next;
  }
  return parts;
}

export const addAttachment: Handler = (ctx) => {
  const st = store(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  const token = (ctx.req.headers['x-atlassian-token'] ?? '').toLowerCase();
  if (token !== 'no-check' && token !== 'nocheck') {
    return { status: 403, headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: 'XSRF check failed' };
  }
  const type = ctx.req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    throw new ApiError(415, ['Unsupported media type: use multipart/form-data with a "file" part.']);
  }
  const parts = parseMultipart(ctx.req.body ?? Buffer.alloc(0), type).filter(
    (p) => p.name === 'file' && p.filename !== undefined,
  );
  if (!parts.length) throw new ApiError(400, ['No file was attached. Use a multipart part named "file".']);
  const created: Attachment[] = [];
  for (const p of parts) {
    if (p.data.length > UPLOAD_LIMIT) {
      return json(413, {
        errorMessages: [`The file '${p.filename}' is too large: ${p.data.length} bytes; the limit is ${UPLOAD_LIMIT}.`],
        errors: {},
      });
    }
    const a: Attachment = {
      id: String(st.nextId('attachment')),
      issueId: issue.id,
      filename: p.filename || 'attachment',
      authorId: ctx.accountId,
      created: ctx.now,
      size: p.data.length,
      mimeType:
        p.contentType && p.contentType !== 'application/octet-stream' ? p.contentType : guessType(p.filename ?? ''),
      content: p.data.toString('base64'),
    };
    st.addAttachment(a);
    created.push(a);
  }
  issue.fields.updated = ctx.now;
  const r = rc(ctx);
  return json(
    200,
    created.map((a) => attachmentBean(r, a)),
  );
};

function guessType(name: string): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return (
    (
      {
        png: 'image/png',
        jpg: 'image/jpeg',
        jpeg: 'image/jpeg',
        gif: 'image/gif',
        svg: 'image/svg+xml',
        pdf: 'application/pdf',
        txt: 'text/plain',
        log: 'text/plain',
        md: 'text/markdown',
        csv: 'text/csv',
        json: 'application/json',
        zip: 'application/zip',
      } as Record<string, string>
    )[ext] ?? 'application/octet-stream'
  );
}

function findAttachment(ctx: HandlerContext): Attachment {
  const a = store(ctx).attachments.get(ctx.params.id!);
  if (!a) throw new ApiError(404, [`The attachment with id '${ctx.params.id}' does not exist.`]);
  return a;
}

export const getAttachment: Handler = (ctx) => {
  const a = findAttachment(ctx);
  const bean = attachmentBean(rc(ctx), a);
  return json(200, { ...bean, id: Number(a.id), properties: {} });
};

export const getAttachmentContent: Handler = (ctx) => {
  const a = findAttachment(ctx);
  if (ctx.query.redirect !== false) {
    // Cloud answers with a redirect to the media service; here it points back with redirect=false.
    return { status: 303, headers: { location: `${ctx.base}/rest/api/3/attachment/content/${a.id}?redirect=false` } };
  }
  const data = Buffer.from(a.content, 'base64');
  const headers: Record<string, string> = {
    'content-type': a.mimeType,
    'content-disposition': `attachment; filename="${a.filename.replace(/"/g, '')}"`,
    'accept-ranges': 'bytes',
  };
  const range = ctx.req.headers.range;
  if (range) {
    const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
    const start = m && m[1] !== '' ? Number(m[1]) : m && m[2] !== '' ? Math.max(0, data.length - Number(m[2])) : NaN;
    const end = m && m[1] !== '' && m[2] !== '' ? Math.min(Number(m[2]), data.length - 1) : data.length - 1;
    if (!m || Number.isNaN(start) || start >= data.length || start > end) {
      return { status: 416, headers: { 'content-range': `bytes */${data.length}` } } as SandboxResponse;
    }
    return {
      status: 206,
      headers: { ...headers, 'content-range': `bytes ${start}-${end}/${data.length}` },
      body: data.subarray(start, end + 1),
    };
  }
  return { status: 200, headers, body: data };
};

export const removeAttachment: Handler = (ctx) => {
  const a = findAttachment(ctx);
  store(ctx).removeAttachment(a.id);
  return empty(204);
};

// ---- versions, components ----------------------------------------------------------------

interface VersionBody {
  name?: string;
  description?: string;
  projectId?: number;
  project?: string;
  released?: boolean;
  archived?: boolean;
  releaseDate?: string;
  startDate?: string;
}

const DATE = /^\d{4}-\d\d-\d\d$/;

function applyVersion(ctx: HandlerContext, v: Version, b: VersionBody, creating: boolean): void {
  const st = store(ctx);
  const errors: Record<string, string> = {};
  if (b.name !== undefined || creating) {
    const name = (b.name ?? '').trim();
    if (!name) errors.name = 'You must specify a valid version name';
    else if (name.length > 255) errors.name = 'The version name must not exceed 255 characters.';
    else if (
      [...st.versions.values()].some(
        (x) => x.projectId === v.projectId && x.id !== v.id && x.name.toLowerCase() === name.toLowerCase(),
      )
    ) {
      errors.name = 'A version with this name already exists in this project.';
    } else v.name = name;
  }
  for (const k of ['releaseDate', 'startDate'] as const) {
    if (b[k] === undefined) continue;
    if (b[k] === null) delete v[k];
    else if (!DATE.test(String(b[k])))
      errors[k] = `The ${k === 'releaseDate' ? 'release' : 'start'} date is invalid: use YYYY-MM-DD.`;
    else v[k] = b[k];
  }
  if (v.startDate && v.releaseDate && v.startDate > v.releaseDate)
    errors.startDate = 'The start date must be before the release date.';
  if (Object.keys(errors).length) throw new ApiError(400, [], errors);
  if (b.description !== undefined) v.description = b.description ?? '';
  if (b.released !== undefined) v.released = !!b.released;
  if (b.archived !== undefined) v.archived = !!b.archived;
}

export const createVersion: Handler = (ctx) => {
  const st = store(ctx);
  const b = requireBody<VersionBody>(ctx);
  const project =
    b.projectId !== undefined ? st.project(String(b.projectId)) : b.project ? st.project(b.project) : undefined;
  if (!project) throw new ApiError(400, [], { project: 'Project must be specified to create a version.' });
  const v: Version = {
    id: String(st.nextId('version', 10100)),
    projectId: project.id,
    name: '',
    description: '',
    released: false,
    archived: false,
  };
  applyVersion(ctx, v, b, true);
  st.versions.set(v.id, v);
  st.touch();
  return json(201, versionBean(rc(ctx), v));
};

function findVersion(ctx: HandlerContext): Version {
  const v = store(ctx).versions.get(ctx.params.id!);
  if (!v) throw new ApiError(404, [`Could not find version for id '${ctx.params.id}'`]);
  return v;
}

export const getVersion: Handler = (ctx) => json(200, versionBean(rc(ctx), findVersion(ctx)));

export const updateVersion: Handler = (ctx) => {
  const v = findVersion(ctx);
  applyVersion(ctx, v, requireBody<VersionBody>(ctx), false);
  store(ctx).touch();
  return json(200, versionBean(rc(ctx), v));
};

export const createComponent: Handler = (ctx) => {
  const st = store(ctx);
  const b = requireBody<{
    name?: string;
    description?: string;
    project?: string;
    projectId?: number;
    leadAccountId?: string;
  }>(ctx);
  const project = b.project
    ? st.project(b.project)
    : b.projectId !== undefined
      ? st.project(String(b.projectId))
      : undefined;
  const errors: Record<string, string> = {};
  if (!project) errors.project = 'The project is required.';
  const name = (b.name ?? '').trim();
  if (!name) errors.name = 'The component name specified is invalid - cannot be empty.';
  else if (
    project &&
    [...st.components.values()].some((c) => c.projectId === project.id && c.name.toLowerCase() === name.toLowerCase())
  ) {
    errors.name = `A component with the name ${name} already exists in this project.`;
  }
  if (b.leadAccountId && !st.user(b.leadAccountId)) errors.leadAccountId = 'The user does not exist.';
  if (Object.keys(errors).length) throw new ApiError(400, [], errors);
  const c: Component = {
    id: String(st.nextId('component', 10100)),
    projectId: project!.id,
    name,
    description: b.description ?? '',
  };
  if (b.leadAccountId) c.leadAccountId = b.leadAccountId;
  st.components.set(c.id, c);
  st.touch();
  return json(201, componentView(ctx, c));
};

function componentView(ctx: HandlerContext, c: Component) {
  const st = store(ctx);
  const r = rc(ctx);
  const p = st.projects.get(c.projectId)!;
  const out: Record<string, unknown> = {
    ...componentBean(r, c),
    assigneeType: 'PROJECT_DEFAULT',
    project: p.key,
    projectId: Number(p.id),
    isAssigneeTypeValid: false,
  };
  if (c.leadAccountId) out.lead = userBean(r, st.user(c.leadAccountId));
  return out;
}

export const getComponent: Handler = (ctx) => {
  const c = store(ctx).components.get(ctx.params.id!);
  if (!c) throw new ApiError(404, [`The component with id ${ctx.params.id} does not exist.`]);
  return json(200, componentView(ctx, c));
};
