// Jira Cloud (platform v3 + Jira Software agile) as a sandbox product: one handler per
// simulated operationId, grouped by domain noun in ./routes and ./agile.
import type { Handler, ProductModule } from '../core/product.js';
import * as backlog from './agile/backlog.js';
import * as boards from './agile/boards.js';
import * as epics from './agile/epics.js';
import * as agileIssues from './agile/issues.js';
import * as sprints from './agile/sprints.js';
import * as activity from './routes/activity.js';
import * as files from './routes/files.js';
import * as issues from './routes/issues.js';
import * as meta from './routes/meta.js';
import * as people from './routes/people.js';
import * as relations from './routes/relations.js';
import * as search from './routes/search.js';

const platform: Record<string, Handler> = {
  ...pick(meta),
  ...pick(people),
  ...pick(issues),
  ...pick(search),
  ...pick(activity),
  ...pick(relations),
  ...pick(files),
};

const agile: Record<string, Handler> = {
  ...pick(boards),
  ...pick(sprints),
  ...pick(backlog),
  ...pick(epics),
  ...pick(agileIssues),
};

/** Only the exported functions whose names are operationIds (helpers are skipped by the router anyway). */
function pick(mod: Record<string, unknown>): Record<string, Handler> {
  const out: Record<string, Handler> = {};
  for (const [k, v] of Object.entries(mod)) if (typeof v === 'function') out[k] = v as Handler;
  return out;
}

export const jiraProduct: ProductModule = {
  id: 'jira',
  gateway: 'jira',
  handlers: { 'jira-platform-v3': platform, 'jira-software-agile': agile },
};
