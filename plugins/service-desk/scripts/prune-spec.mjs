#!/usr/bin/env node
// Vendors the subset of Atlassian's Jira Service Management OpenAPI spec this plugin calls, then
// generates types (the shared implementation is scripts/prune-spec.mjs at the top of the
// repository). Usage: node plugins/service-desk/scripts/prune-spec.mjs [specsDir]
// (default: ../shared/specs). Assets has no public OpenAPI document: its shapes are typed by hand
// in src/client/assets-types.ts.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specsDirFrom, vendorSpec } from '../../../scripts/prune-spec.mjs';

const pluginDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const specsDir = specsDirFrom(process.argv, pluginDir);

const R = '/rest/servicedeskapi';
const ops = {
  [`${R}/info`]: ['get'],
  [`${R}/assets/workspace`]: ['get'],
  [`${R}/servicedesk`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/requesttype`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/requesttypegroup`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/requesttype/{requestTypeId}`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/requesttype/{requestTypeId}/field`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/customer`]: ['get', 'post'],
  [`${R}/servicedesk/{serviceDeskId}/organization`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/queue`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/queue/{queueId}/issue`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/knowledgebase/article`]: ['get'],
  [`${R}/servicedesk/{serviceDeskId}/attachTemporaryFile`]: ['post'],
  [`${R}/requesttype`]: ['get'],
  [`${R}/request`]: ['get', 'post'],
  [`${R}/request/{issueIdOrKey}`]: ['get'],
  [`${R}/request/{issueIdOrKey}/comment`]: ['get', 'post'],
  [`${R}/request/{issueIdOrKey}/status`]: ['get'],
  [`${R}/request/{issueIdOrKey}/transition`]: ['get', 'post'],
  [`${R}/request/{issueIdOrKey}/sla`]: ['get'],
  [`${R}/request/{issueIdOrKey}/approval`]: ['get'],
  [`${R}/request/{issueIdOrKey}/approval/{approvalId}`]: ['get', 'post'],
  [`${R}/request/{issueIdOrKey}/participant`]: ['get', 'post', 'delete'],
  [`${R}/request/{issueIdOrKey}/notification`]: ['get', 'put', 'delete'],
  [`${R}/request/{issueIdOrKey}/attachment`]: ['get', 'post'],
  [`${R}/request/{requestIdOrKey}/feedback`]: ['get'],
  [`${R}/knowledgebase/article`]: ['get'],
  [`${R}/customer`]: ['post'],
  [`${R}/organization`]: ['get'],
  [`${R}/organization/{organizationId}/user`]: ['post'],
};

vendorSpec({
  specsDir,
  pluginDir,
  file: 'jira-service-management.openapi.json',
  ops,
  outName: 'jsm.subset.json',
  typesName: 'jsm.ts',
  keepExperimental: true,
  // JSM reuses two operationIds (getArticles, getOrganizations: site-wide and per desk); the
  // vendored subset keeps them as Atlassian wrote them, the types get unique names.
  forTypes: (pruned) => {
    const seen = new Set();
    for (const [path, item] of Object.entries(pruned.paths))
      for (const op of Object.values(item))
        if (op?.operationId) {
          if (seen.has(op.operationId)) op.operationId += path.includes('{serviceDeskId}') ? 'OfServiceDesk' : 'OfSite';
          seen.add(op.operationId);
        }
    return pruned;
  },
});
