// Generates the default site deterministically: the same `now` gives byte-identical data.
// Issues: ./issues.ts; their activity: ./activity.ts; statuses and sprints: ./workflow.ts.
import type { JiraData } from '../jira/model.js';
import { SNAPSHOT_FORMAT, type SandboxSnapshot } from '../site.js';
import { MKT_EPICS, MKT_LOOSE, NOVA_EPICS, NOVA_LOOSE, OPS_EPICS, OPS_LOOSE } from './catalog.js';
import {
  boards,
  COMPONENTS,
  defaultFields,
  ISSUE_TYPES,
  LINK_TYPES,
  P,
  PRIORITIES,
  PROJECTS,
  RESOLUTIONS,
  sprints,
  STATUS_CATEGORIES,
  STATUSES,
  TEAMS,
  USERS,
  versions,
  WORKFLOWS,
} from './company.js';
import { generateConfluence } from './confluence/index.js';
import { mulberry32 } from './content.js';
import { Generator } from './issues.js';

export interface SeedOptions {
  /** The moment the seed is built around (dates are relative to it). Default: now, rounded down to the hour. */
  now?: number;
  /** `empty`: users, projects, fields and boards but no issues; Confluence spaces with their homepages only. */
  issues?: boolean;
}

export function generateSeed(opts: SeedOptions = {}): SandboxSnapshot {
  const now = opts.now ?? Math.floor(Date.now() / 3_600_000) * 3_600_000;
  const rng = mulberry32(20261102);
  const users = new Map(USERS.map((u) => [u.accountId, u]));
  const data: JiraData = {
    users: structuredClone(USERS),
    statusCategories: structuredClone(STATUS_CATEGORIES),
    statuses: structuredClone(STATUSES),
    issueTypes: structuredClone(ISSUE_TYPES),
    priorities: structuredClone(PRIORITIES),
    resolutions: structuredClone(RESOLUTIONS),
    fields: defaultFields(),
    teams: structuredClone(TEAMS),
    workflows: structuredClone(WORKFLOWS),
    projects: structuredClone(PROJECTS),
    components: structuredClone(COMPONENTS),
    versions: versions(now),
    issueLinkTypes: structuredClone(LINK_TYPES),
    issues: [],
    comments: [],
    worklogs: [],
    issueLinks: [],
    attachments: [],
    histories: [],
    boards: boards(),
    sprints: sprints(now),
    counters: {},
  };
  const counters: Record<string, number> = {
    issue: 10000,
    comment: 10000,
    worklog: 10000,
    issueLink: 10000,
    attachment: 10000,
    history: 10000,
    remoteLink: 10000,
    sprint: 8,
    board: 3,
    [`key:NOVA`]: 1,
    [`key:OPS`]: 1,
    [`key:MKT`]: 1,
  };
  const next = (k: string) => counters[k]!++;

  if (opts.issues !== false) {
    const g = new Generator(data, counters, rng, now, users);
    g.project(P.nova, 'NOVA', NOVA_EPICS, NOVA_LOOSE);
    g.project(P.ops, 'OPS', OPS_EPICS, OPS_LOOSE);
    g.project(P.mkt, 'MKT', MKT_EPICS, MKT_LOOSE);
    g.links(next);
  }
  const confluence = generateConfluence(data, counters, { now, pages: opts.issues !== false });
  data.counters = counters;
  return { format: SNAPSHOT_FORMAT, jira: data, confluence };
}
