// Confluence Cloud as a sandbox product: REST v2 (`/wiki/api/v2`) plus the v1 pieces v2 lacks
// (`/wiki/rest/api`: CQL search, labels, attachment upload, move/copy, templates, users), one
// handler per simulated operationId, grouped by domain noun in ./v2 and ./v1.
import type { Handler, ProductModule } from '../core/product.js';
import { confluenceErrorResponse } from './errors.js';
import * as archive from './v1/archive.js';
import * as attachmentsV1 from './v1/attachments.js';
import * as content from './v1/content.js';
import * as labelsV1 from './v1/labels.js';
import * as move from './v1/move.js';
import * as search from './v1/search.js';
import * as templates from './v1/templates.js';
import * as users from './v1/users.js';
import * as web from './v1/web.js';
import * as attachments from './v2/attachments.js';
import * as comments from './v2/comments.js';
import * as convert from './v2/convert.js';
import * as labels from './v2/labels.js';
import * as pages from './v2/pages.js';
import * as spaces from './v2/spaces.js';
import * as tasks from './v2/tasks.js';
import * as tree from './v2/tree.js';
import * as versions from './v2/versions.js';

/** The exported functions of a route module (only `names`, or all but `skip`); names that are not operationIds are never routed. */
function pick(mod: Record<string, unknown>, names?: string[], skip: string[] = []): Record<string, Handler> {
  const out: Record<string, Handler> = {};
  for (const [k, v] of Object.entries(mod))
    if (typeof v === 'function' && (!names || names.includes(k)) && !skip.includes(k)) out[k] = v as Handler;
  return out;
}

const v2: Record<string, Handler> = {
  ...pick(spaces),
  ...pick(pages),
  ...pick(tree),
  ...pick(comments, undefined, ['commentV2']),
  ...pick(labels),
  ...pick(versions),
  ...pick(attachments),
  ...pick(tasks),
  ...pick(convert),
  createBulkUserLookup: users.createBulkUserLookup,
};

const v1: Record<string, Handler> = {
  ...pick(search, ['searchByCQL', 'searchContentByCQL']),
  ...pick(users, ['getCurrentUser', 'getUser', 'getBulkUserLookup', 'searchUser']),
  ...pick(content),
  ...pick(labelsV1),
  ...pick(attachmentsV1, undefined, ['downloadFile']),
  ...pick(move),
  ...pick(templates),
  ...pick(archive),
};

export const confluenceProduct: ProductModule = {
  id: 'confluence',
  gateway: 'confluence',
  handlers: { 'confluence-v2': v2, 'confluence-v1': v1 },
  errorResponse: confluenceErrorResponse,
  extraRoutes: [
    {
      method: 'GET',
      template: '/wiki/download/attachments/{pageId}/{filename}',
      operationId: 'downloadAttachmentFile',
      scopes: [['readonly:content.attachment:confluence'], ['read:attachment:confluence']],
      handler: attachmentsV1.downloadFile,
    },
    ...[
      ['/wiki/x/{code}', 'tinyLink', web.tinyLink],
      ['/wiki/spaces/{key}/pages/{id}', 'pageView', web.pageView],
      ['/wiki/spaces/{key}/pages/{id}/{title}', 'pageView', web.pageView],
    ].map(([template, operationId, handler]) => ({
      method: 'GET',
      template: template as string,
      operationId: operationId as string,
      scopes: [['read:confluence-content.summary'], ['read:page:confluence']],
      handler: handler as Handler,
    })),
  ],
};
