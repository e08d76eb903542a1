// Rank: moving issues just before or after another issue.
import { ApiError } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import type { Issue } from '../model.js';
import { store } from '../routes/util.js';

/** Puts `moving` (in order) just before `before` or just after `after`, renumbering ranks. */
export function rank(ctx: HandlerContext, moving: Issue[], before?: string, after?: string): void {
  const st = store(ctx);
  const anchorKey = before ?? after!;
  const anchor = st.issue(anchorKey);
  if (!anchor)
    throw new ApiError(404, [`Issue '${anchorKey}' does not exist or you do not have permission to see it.`]);
  if (moving.some((m) => m.id === anchor.id))
    throw new ApiError(400, ['An issue cannot be ranked relative to itself.']);
  const ids = new Set(moving.map((m) => m.id));
  const order = [...st.issues.values()].filter((i) => !ids.has(i.id)).sort((a, b) => a.rank - b.rank);
  let at = order.indexOf(anchor);
  if (after) at += 1;
  order.splice(at, 0, ...moving);
  order.forEach((i, n) => (i.rank = (n + 1) * 100));
  st.touch();
}
