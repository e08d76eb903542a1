// Jira Service Management (`/rest/servicedeskapi`) as a sandbox product: reached on the site and
// through Jira's gateway (`/ex/jira/{cloudId}/rest/servicedeskapi/…`), errors in JSM's shape, and
// experimental operations refused with 412 unless the caller sends `X-ExperimentalApi: opt-in`.
import { loadSpec } from '../core/spec.js';
import type { Handler, ProductModule } from '../core/product.js';
import { jsmError, toJsmResponse } from './errors.js';
import * as approvals from './routes/approvals.js';
import * as attachments from './routes/attachments.js';
import * as comments from './routes/comments.js';
import * as customers from './routes/customers.js';
import * as desks from './routes/desks.js';
import * as knowledgeBase from './routes/knowledge-base.js';
import * as organizations from './routes/organizations.js';
import * as participants from './routes/participants.js';
import * as properties from './routes/properties.js';
import * as queues from './routes/queues.js';
import * as requestCreate from './routes/request-create.js';
import * as requestTypes from './routes/request-types.js';
import * as requests from './routes/requests.js';
import * as sla from './routes/sla.js';
import * as workflow from './routes/workflow.js';

export const JSM_SPEC = 'jira-service-management';

const modules: Array<Record<string, unknown>> = [
  desks,
  requestTypes,
  requests,
  requestCreate,
  comments,
  workflow,
  approvals,
  participants,
  sla,
  knowledgeBase,
  customers,
  organizations,
  properties,
  attachments,
  queues,
];

function handlers(): Record<string, Handler> {
  const spec = loadSpec(JSM_SPEC);
  const experimental = new Set<string>();
  const ids = new Set<string>();
  for (const op of spec.operations) {
    ids.add(op.operationId);
    const [, , rawPath, method] = op.pointer.split('/');
    const path = rawPath!.replace(/~1/g, '/').replace(/~0/g, '~');
    if (spec.doc.paths[path][method!]['x-experimental']) experimental.add(`${op.method} ${op.template}`);
  }
  const out: Record<string, Handler> = {};
  for (const mod of modules) {
    for (const [name, fn] of Object.entries(mod)) {
      if (!ids.has(name) || typeof fn !== 'function') continue;
      const h = fn as Handler;
      out[name] = (ctx) => {
        if (
          experimental.has(`${ctx.op.method} ${ctx.op.template}`) &&
          ctx.req.headers['x-experimentalapi'] !== 'opt-in'
        )
          throw jsmError(
            412,
            'This API is experimental. Experimental APIs are not guaranteed to be stable within the preview period. You must set the header "X-ExperimentalApi: opt-in" to opt into using this API.',
            'sd.api.experimental.header.missing',
          );
        return h(ctx);
      };
    }
  }
  return out;
}

let cached: Record<string, Handler> | undefined;

export const jsmProduct: ProductModule = {
  id: 'jsm',
  gateway: 'jira',
  get handlers() {
    return { [JSM_SPEC]: (cached ??= handlers()) };
  },
  errorResponse: (e) => toJsmResponse(e),
};
