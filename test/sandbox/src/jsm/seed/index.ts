// The Service Management layer of the default site, generated deterministically and applied on
// top of the Jira seed without changing it: JSM's statuses, issue types, fields, customers, the ITS
// and HR service projects with 40 requests, plus the JSM and Assets records.
// The desks' knowledge bases are Confluence spaces (ITKB, HRKB) the layer adds to the site's wiki,
// and its incidents are linked to the Jira issues that followed them.
// `seed/nimbus-works-jsm.json` is this layer at SEED_SNAPSHOT_NOW (scripts/write-seed.mjs).
import { assetsSeed } from '../../assets/seed.js';
import type { AssetsData } from '../../assets/model.js';
import { emptyConfluenceData } from '../../confluence/model.js';
import type { JiraData } from '../../jira/model.js';
import type { SandboxSnapshot } from '../../site.js';
import type { JsmData } from '../model.js';
import { buildRequests, SEED_ID_BASE } from './builder.js';
import { JSM_FIELDS, JSM_ISSUE_TYPES, JSM_PROJECTS, JSM_STATUSES, JSM_WORKFLOWS } from './config.js';
import { GROUPS, REQUEST_TYPES, SERVICE_DESKS } from './desks.js';
import { CALENDARS, QUEUES, SLA_METRICS } from './service-levels.js';
import { CUSTOMERS, organizations } from './people.js';
import { hrRequests } from './requests-hr.js';
import { ITS_SERVICE_REQUESTS } from './requests-its-service.js';
import { ITS_INCIDENT_LINKS, ITS_INCIDENTS } from './requests-its.js';
import { addKnowledgeBase, knowledgeBaseSpaces, type KnowledgeBaseSpaceSeed } from './knowledge-base.js';

export const SERVICE_MANAGEMENT_FORMAT = 'atlassian-mcp-sandbox/service-management/1';

/** What the layer adds: Jira records to append, and the JSM and Assets data. */
export interface ServiceManagementSeed {
  format: typeof SERVICE_MANAGEMENT_FORMAT;
  jira: Pick<
    JiraData,
    | 'users'
    | 'statuses'
    | 'issueTypes'
    | 'fields'
    | 'workflows'
    | 'projects'
    | 'issues'
    | 'comments'
    | 'histories'
    | 'attachments'
  > & { counters: Record<string, number> };
  jsm: JsmData;
  assets: AssetsData;
  /** Confluence spaces linked to the desks as knowledge bases (absent in older layers). */
  knowledgeBase?: KnowledgeBaseSpaceSeed[];
  /** Issue links from requests to Jira issues, by key and link type name (absent in older layers). */
  issueLinks?: SeedIssueLink[];
}

/** `[inward issue key, link type name, outward issue key]`. */
export type SeedIssueLink = [string, string, string];

export interface ServiceManagementSeedOptions {
  /** The moment the data is built around (the same as the Jira seed's). */
  now: number;
  /** `false`: desks, request types, customers and Assets but no requests. */
  requests?: boolean;
}

export function generateServiceManagementSeed(o: ServiceManagementSeedOptions): ServiceManagementSeed {
  const now = o.now;
  const deskProject = new Map(SERVICE_DESKS.map((d) => [d.id, d.projectId]));
  const specs = o.requests === false ? [] : [...ITS_INCIDENTS, ...ITS_SERVICE_REQUESTS, ...hrRequests(now)];
  const built = buildRequests(
    { statuses: JSM_STATUSES, workflows: JSM_WORKFLOWS, projects: JSM_PROJECTS },
    REQUEST_TYPES,
    deskProject,
    specs,
    now,
  );
  const keyCounters: Record<string, number> = {};
  for (const p of JSM_PROJECTS) keyCounters[`key:${p.key}`] = built.keyCounters[p.key] ?? 1;
  return {
    format: SERVICE_MANAGEMENT_FORMAT,
    jira: structuredClone({
      users: CUSTOMERS,
      statuses: JSM_STATUSES,
      issueTypes: JSM_ISSUE_TYPES,
      fields: JSM_FIELDS,
      workflows: JSM_WORKFLOWS,
      projects: JSM_PROJECTS,
      issues: built.issues,
      comments: built.comments,
      histories: built.histories,
      attachments: built.attachments,
      counters: keyCounters,
    }),
    jsm: structuredClone({
      serviceDesks: SERVICE_DESKS,
      requestTypeGroups: GROUPS,
      requestTypes: REQUEST_TYPES,
      requests: built.requests,
      approvals: built.approvals,
      calendars: CALENDARS,
      slaMetrics: SLA_METRICS,
      queues: QUEUES,
      organizations: organizations(now),
      temporaryAttachments: [],
      counters: {
        approval: built.approvals.length + 1,
        requestType: REQUEST_TYPES.length + 1,
        queue: QUEUES.length + 1,
        organization: 4,
        temporaryAttachment: 1,
      },
    }),
    assets: assetsSeed(now),
    knowledgeBase: knowledgeBaseSpaces(now),
    issueLinks: o.requests === false ? [] : ITS_INCIDENT_LINKS,
  };
}

/** The Jira snapshot with the Service Management layer added (the input is not modified). */
export function withServiceManagement(snapshot: SandboxSnapshot, layer: ServiceManagementSeed): SandboxSnapshot {
  if (layer.format !== SERVICE_MANAGEMENT_FORMAT) throw new Error(`not a ${SERVICE_MANAGEMENT_FORMAT} layer`);
  const jira = structuredClone(snapshot.jira);
  const add = structuredClone(layer.jira);
  jira.users.push(...add.users);
  jira.statuses.push(...add.statuses);
  jira.issueTypes.push(...add.issueTypes);
  jira.fields.push(...add.fields);
  jira.workflows.push(...add.workflows);
  jira.projects.push(...add.projects);
  jira.issues.push(...add.issues);
  jira.comments.push(...add.comments);
  jira.histories.push(...add.histories);
  jira.attachments.push(...add.attachments);
  Object.assign(jira.counters, add.counters);
  // Link ids from the layer's own range, as its other records: the Jira seed's counters stay as they are.
  for (const [n, [inward, typeName, outward]] of (layer.issueLinks ?? []).entries()) {
    const issue = (key: string) => {
      const found = jira.issues.find((i) => i.key === key);
      if (!found) throw new Error(`seed: no issue ${key} to link`);
      return found.id;
    };
    const type = jira.issueLinkTypes.find((t) => t.name === typeName);
    if (!type) throw new Error(`seed: no issue link type ${typeName}`);
    const id = String(SEED_ID_BASE + n);
    jira.issueLinks.push({ id, typeId: type.id, inwardIssueId: issue(inward), outwardIssueId: issue(outward) });
  }
  const confluence = structuredClone(snapshot.confluence ?? emptyConfluenceData());
  addKnowledgeBase(confluence, layer.knowledgeBase ?? []);
  return { ...snapshot, jira, confluence, jsm: structuredClone(layer.jsm), assets: structuredClone(layer.assets) };
}
