// Confluence Cloud as a sandbox product: REST v2 (`/wiki/api/v2`) plus the v1 pieces v2 lacks
// (`/wiki/rest/api`: CQL search, labels, attachment upload, move/copy, templates, users), one
// handler per simulated operationId, grouped by domain noun in ./v2 and ./v1.
import type { Handler, ProductModule } from '../core/product.js';
import { confluenceErrorResponse } from './errors.js';
import * as pages from './v2/pages.js';
import * as spaces from './v2/spaces.js';
import * as tree from './v2/tree.js';
import * as search from './v1/search.js';
import * as users from './v1/users.js';

/** Only the exported functions (helpers with other signatures are not exported from route modules). */
function pick(mod: Record<string, unknown>, names?: string[]): Record<string, Handler> {
  const out: Record<string, Handler> = {};
  for (const [k, v] of Object.entries(mod))
    if (typeof v === 'function' && (!names || names.includes(k))) out[k] = v as Handler;
  return out;
}

const v2: Record<string, Handler> = {
  ...pick(spaces),
  ...pick(pages),
  ...pick(tree),
  createBulkUserLookup: users.createBulkUserLookup,
};

const v1: Record<string, Handler> = {
  ...pick(search, ['searchByCQL', 'searchContentByCQL']),
  ...pick(users, ['getCurrentUser', 'getUser', 'getBulkUserLookup', 'searchUser']),
};

export const confluenceProduct: ProductModule = {
  id: 'confluence',
  gateway: 'confluence',
  handlers: { 'confluence-v2': v2, 'confluence-v1': v1 },
  errorResponse: confluenceErrorResponse,
};
