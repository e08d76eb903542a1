// Labels through v1 (what v2 cannot do): list, add (one label or an array; names are
// lower-cased and checked like Confluence does), remove by path or `?name=`.
import { empty, json, type SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { assertCanEdit, attachmentOr404, contentOr404, fail, store } from '../context.js';
import type { Label } from '../model.js';
import { labelsV1 } from '../render/v1.js';

const INVALID = /[\s!#&()*,.:;<>?@[\]^]/;

/** The label list of a page, blog post or attachment (`att…`). */
function target(ctx: HandlerContext, edit = false): { labels: string[] } {
  const id = String(ctx.params.id);
  if (id.startsWith('att')) return attachmentOr404(ctx, id);
  const c = contentOr404(ctx, id, 'page', 'blogpost');
  if (edit) assertCanEdit(ctx, c);
  return c;
}

export function getLabelsForContent(ctx: HandlerContext): SandboxResponse {
  const t = target(ctx);
  const s = store(ctx);
  const labels = t.labels
    .map((id) => s.labels.get(id)!)
    .filter((l) => !ctx.query.prefix || l.prefix === ctx.query.prefix);
  return json(200, labelsV1(labels));
}

export function addLabelsToContent(ctx: HandlerContext): SandboxResponse {
  const t = target(ctx, true);
  const s = store(ctx);
  const input = [ctx.body].flat() as Array<{ prefix: string; name: string }>;
  if (!input.length) throw fail(ctx, 400, 'No labels to add.');
  for (const l of input) {
    if (!['global', 'my', 'team'].includes(l.prefix)) throw fail(ctx, 400, `Invalid label prefix: ${l.prefix}`);
    if (!l.name || l.name.length > 255) throw fail(ctx, 400, 'A label name must have 1 to 255 characters.');
    if (INVALID.test(l.name))
      throw fail(
        ctx,
        400,
        `Label '${l.name}' contains an invalid character (spaces and !#&()*,.:;<>?@[]^ are not allowed).`,
      );
  }
  if (t.labels.length + input.length > 500) throw fail(ctx, 400, 'Content cannot have more than 500 labels.');
  for (const l of input) {
    const label = s.ensureLabel(l.name, l.prefix as Label['prefix']);
    if (!t.labels.includes(label.id)) t.labels.push(label.id);
  }
  s.touch();
  return json(200, labelsV1(t.labels.map((id) => s.labels.get(id)!)));
}

function remove(ctx: HandlerContext, name: string): SandboxResponse {
  const t = target(ctx, true);
  const s = store(ctx);
  const i = t.labels.findIndex((id) => s.labels.get(id)?.name === name.toLowerCase());
  if (i < 0) throw fail(ctx, 404, `Label '${name}' is not on content ${ctx.params.id}`);
  t.labels.splice(i, 1);
  s.touch();
  return empty(204);
}
export const removeLabelFromContent = (ctx: HandlerContext) => remove(ctx, String(ctx.params.label));
export const removeLabelFromContentUsingQueryParameter = (ctx: HandlerContext) => remove(ctx, String(ctx.query.name));
