// Content templates through v1: global and space templates (list, get with the storage body,
// create, update, remove) and the blueprint list. A page "from a template" is a createPage with
// the template's body, as on Cloud.
import { empty, json, type SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { fail, pageV1, store, wikiBase } from '../context.js';
import type { Template } from '../model.js';
import { expandSet, spaceV1 } from '../render/v1.js';
import { checkStorage } from '../write.js';

function templateV1(ctx: HandlerContext, t: Template, withBody: boolean): Record<string, unknown> {
  const s = store(ctx);
  const space = t.spaceKey ? s.spaceByKey(t.spaceKey) : undefined;
  return {
    templateId: t.templateId,
    name: t.name,
    description: t.description,
    labels: t.labels.map((name) => ({ prefix: 'global', name, id: s.labelByName(name)?.id ?? '0', label: name })),
    templateType: t.templateType,
    editorVersion: 'v2',
    ...(space ? { space: spaceV1(ctx, space) } : {}),
    ...(withBody
      ? {
          body: {
            storage: { value: t.body, representation: 'storage', embeddedContent: [], _expandable: { content: '' } },
          },
        }
      : { _expandable: { body: '' } }),
    _links: { base: wikiBase(ctx), context: '/wiki', self: `${wikiBase(ctx)}/rest/api/template/${t.templateId}` },
  };
}

function templateOr404(ctx: HandlerContext, id: string): Template {
  const t = store(ctx).templates.get(String(id));
  if (!t) throw fail(ctx, 404, `No template with id ${id}`);
  return t;
}

export function getContentTemplates(ctx: HandlerContext): SandboxResponse {
  const key = ctx.query.spaceKey as string | undefined;
  if (key && !store(ctx).spaceByKey(key)) throw fail(ctx, 404, `No space with key : ${key}`);
  const items = [...store(ctx).templates.values()].filter((t) => (key ? t.spaceKey === key : !t.spaceKey));
  const withBody = expandSet(ctx.query.expand).has('body');
  return json(
    200,
    pageV1(ctx, items, (t) => templateV1(ctx, t, withBody)),
  );
}

export const getContentTemplate = (ctx: HandlerContext) =>
  json(200, templateV1(ctx, templateOr404(ctx, ctx.params.contentTemplateId!), true));

export function getBlueprintTemplates(ctx: HandlerContext): SandboxResponse {
  const blueprints = [
    ['Meeting notes', 'com.atlassian.confluence.plugins.confluence-business-blueprints', 'meeting-notes-item'],
    ['Decision', 'com.atlassian.confluence.plugins.confluence-business-blueprints', 'decisions-blueprint'],
    ['How-to article', 'com.atlassian.confluence.plugins.confluence-knowledge-base', 'kb-how-to-article-blueprint'],
  ];
  return json(
    200,
    pageV1(ctx, blueprints, ([name, pluginKey, moduleKey]) => ({
      templateId: `${pluginKey}:${moduleKey}`,
      originalTemplate: { pluginKey, moduleKey },
      referencingBlueprint: `${pluginKey}:${moduleKey}`,
      name,
      description: `${name} blueprint`,
      labels: [],
      templateType: 'page',
      _links: { base: wikiBase(ctx), context: '/wiki' },
    })),
  );
}

function storageOf(ctx: HandlerContext, body: any): string {
  const storage = body?.storage;
  if (!storage || storage.representation !== 'storage')
    throw fail(ctx, 400, 'The template body must be in the storage representation (body.storage).');
  return checkStorage(ctx, String(storage.value));
}

export function createContentTemplate(ctx: HandlerContext): SandboxResponse {
  const s = store(ctx);
  const b = ctx.body as {
    name: string;
    templateType: string;
    body: unknown;
    description?: string;
    labels?: Array<{ name: string }>;
    space?: { key: string } | null;
  };
  if (b.templateType !== 'page') throw fail(ctx, 400, 'templateType must be "page".');
  if (b.space?.key && !s.spaceByKey(b.space.key)) throw fail(ctx, 404, `No space with key : ${b.space.key}`);
  const t: Template = {
    templateId: s.next('template'),
    name: b.name,
    description: b.description ?? '',
    templateType: 'page',
    ...(b.space?.key ? { spaceKey: b.space.key } : {}),
    body: storageOf(ctx, b.body),
    labels: (b.labels ?? []).map((l) => l.name),
  };
  s.templates.set(t.templateId, t);
  s.touch();
  return json(200, templateV1(ctx, t, true));
}

export function updateContentTemplate(ctx: HandlerContext): SandboxResponse {
  const b = ctx.body as {
    templateId: string;
    name: string;
    body: unknown;
    description?: string;
    labels?: Array<{ name: string }>;
  };
  const t = templateOr404(ctx, b.templateId);
  Object.assign(t, { name: b.name, body: storageOf(ctx, b.body), description: b.description ?? t.description });
  if (b.labels) t.labels = b.labels.map((l) => l.name);
  store(ctx).touch();
  return json(200, templateV1(ctx, t, true));
}

export function removeTemplate(ctx: HandlerContext): SandboxResponse {
  templateOr404(ctx, ctx.params.contentTemplateId!);
  store(ctx).templates.delete(String(ctx.params.contentTemplateId));
  store(ctx).touch();
  return empty(204);
}
