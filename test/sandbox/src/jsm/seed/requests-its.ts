// The 26 seeded IT requests (ITS-1…8 incidents here, ITS-9…26 in ./requests-its-service.ts). At the seed's moment they cover every status, SLAs met,
// running, paused and breached, pending/approved/declined approvals, a reopened request, CSAT
// ratings, internal notes next to public replies, participants, organizations and assets.
import { DIEGO, JONAS, LENA, PRIYA, SAM, TOM } from '../../seed/company.js';
import { JSM_FIELD as F } from '../fields.js';
import { RT } from './desks.js';
import { ALEX, CHRIS, ORG } from './people.js';
import { H, opt, type RequestSpec } from './requests.js';

/** ITS-1…8: incidents (24/7 SLAs, so their state is the same at any seed moment). */
export const ITS_INCIDENTS: RequestSpec[] = [
  {
    rt: RT.problem,
    by: PRIYA,
    summary: 'VPN keeps dropping for the whole Berlin office',
    description:
      'Since about 7:00 everyone on the office network loses the VPN every few minutes.\n\nZoom calls drop too.',
    fields: { ...opt(F.impact, 'Extensive / Widespread'), ...opt(F.urgency, 'Critical') },
    priority: '1',
    assignee: SAM,
    ago: 2,
    participants: [DIEGO, TOM],
    assets: ['VPN', 'vpn-gw-01'],
    steps: [
      [10, 'reply', SAM, "We're on it: the VPN gateway is overloaded. Next update in 30 minutes."],
      [12, 'move', SAM, '21'],
      [
        40,
        'note',
        JONAS,
        'vpn-gw-01 CPU pinned at 100 %. Failing over to the standby gateway after the 10:00 deploy freeze.',
      ],
    ],
  },
  {
    rt: RT.problem,
    by: ALEX,
    summary: 'Email not syncing on mobile',
    description: 'Since yesterday evening my iPhone shows no new mail. Desktop Outlook works.',
    fields: { ...opt(F.impact, 'Minor / Localized'), ...opt(F.urgency, 'High') },
    priority: '2',
    ago: 11,
    orgs: [ORG.acme],
    assets: ['Email'],
    channel: 'email',
  },
  {
    rt: RT.problem,
    by: TOM,
    summary: 'Printer on the 3rd floor shows offline',
    description: 'The HP by the kitchen has been offline all morning.',
    fields: opt(F.impact, 'Moderate / Limited'),
    ago: 30,
    assignee: SAM,
    assets: ['Office printing'],
    steps: [
      [3 * H, 'reply', SAM, 'Thanks Tom, the print server lost it. Toner is also empty, ordering it now.'],
      [3 * H + 5, 'move', SAM, '21'],
      [5 * H, 'note', SAM, 'Toner ordered from the supplier, delivery expected Wednesday.'],
      [5 * H + 1, 'move', SAM, '31'],
    ],
  },
  {
    rt: RT.problem,
    by: DIEGO,
    summary: 'SSO login loop for all users',
    description: 'Every sign-in through Okta bounces back to the login page.',
    fields: { ...opt(F.impact, 'Extensive / Widespread'), ...opt(F.urgency, 'Critical') },
    priority: '1',
    assignee: JONAS,
    ago: 50,
    assets: ['Single sign-on (Okta)'],
    feedback: [5, 'Super quick, thanks!'],
    steps: [
      [5, 'reply', SAM, 'Confirmed, we can reproduce it. Jonas is looking at the IdP.'],
      [6, 'move', SAM, '21'],
      [20, 'note', JONAS, 'Rolled back the session-lifetime change from yesterday; loop gone in staging.'],
      [150, 'reply', JONAS, 'Fixed: a configuration change is rolled back. Please sign in again.'],
      [151, 'move', JONAS, '51'],
      [26 * H, 'move', SAM, '61'],
    ],
  },
  {
    rt: RT.problem,
    by: LENA,
    summary: 'Payroll export fails with a timeout',
    description: 'The monthly export stops after 60 seconds with "Gateway Timeout".',
    fields: opt(F.impact, 'Significant / Large'),
    priority: '2',
    assignee: JONAS,
    ago: 72,
    assets: ['Payroll system'],
    feedback: [3, 'Took a while, but it works now.'],
    steps: [
      [50, 'reply', JONAS, 'Looking into it. Which month were you exporting?'],
      [60, 'move', JONAS, '21'],
      [90, 'note', JONAS, 'Slow query on pg-prod-01: missing index on payroll_lines(period).'],
      [12 * H, 'reply', JONAS, 'Added a database index; the export now finishes in 8 seconds.'],
      [12 * H + 1, 'move', JONAS, '51'],
    ],
  },
  {
    rt: RT.problem,
    by: TOM,
    summary: 'Internal wiki is very slow',
    description: 'Pages take 20+ seconds to open.',
    fields: opt(F.impact, 'Minor / Localized'),
    priority: '4',
    assignee: JONAS,
    ago: 5,
    assets: ['Internal wiki'],
    steps: [
      [40, 'reply', JONAS, 'Which pages are slow for you? Is it all of them or only the big runbooks?'],
      [41, 'move', JONAS, '11'],
    ],
  },
  {
    rt: RT.problem,
    by: CHRIS,
    summary: 'Cannot connect to the VPN from home (macOS)',
    description: 'The client says "authentication failed" although my password works everywhere else.',
    fields: opt(F.impact, 'Minor / Localized'),
    assignee: SAM,
    ago: 26,
    orgs: [ORG.contractors],
    assets: ['VPN'],
    steps: [
      [30, 'reply', SAM, 'Your VPN profile was still the old one; I pushed a new profile to your Mac.'],
      [35, 'move', SAM, '21'],
      [3 * H, 'move', SAM, '51'],
      [20 * H, 'customer', CHRIS, "It's happening again since this morning."],
      [20 * H + 1, 'move', CHRIS, '71'],
      [20 * H + 5, 'attach', CHRIS, 'vpn-client.log', 'public'],
      [21 * H, 'reply', SAM, 'Thanks for the log. Could you send a screenshot of the error too?'],
      [21 * H + 1, 'move', SAM, '11'],
    ],
  },
  {
    rt: RT.problem,
    by: DIEGO,
    summary: 'Production database read replica lagging',
    description: 'Replica lag on pg-prod-01 is above 15 minutes; reports show stale data.',
    fields: { ...opt(F.impact, 'Significant / Large'), ...opt(F.urgency, 'High') },
    priority: '1',
    assignee: JONAS,
    ago: 6,
    assets: ['pg-prod-01', 'Payroll system'],
    steps: [
      [15, 'reply', SAM, 'Seen, escalating to the database on-call.'],
      [20, 'move', SAM, '41'],
      [60, 'note', SAM, 'Escalated to DB on-call (Jonas). Vendor ticket #48213 opened.'],
    ],
  },
];

/**
 * ITS-4 (the SSO login loop) and the Jira work that followed it: no alert fired on the failed
 * sign-ins, and the session change went out without an on-call handover.
 */
export const ITS_INCIDENT_LINKS: Array<[string, string, string]> = [
  ['ITS-4', 'Relates', 'OPS-11'],
  ['ITS-4', 'Relates', 'OPS-25'],
];
