// Customers of the service desks: portal-only accounts (accountType `customer`, ids `qm:…`) in the
// site's one user directory, and the organizations they belong to. Nimbus Works staff raise
// requests too (both desks are open to licensed users).
import { createHash } from 'node:crypto';
import type { User } from '../../jira/model.js';
import type { Organization } from '../model.js';

const hex = (s: string, n: number) => createHash('sha256').update(s).digest('hex').slice(0, n);
const uuid = (s: string) => {
  const h = hex(s, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

function customer(displayName: string, domain: string, timeZone: string): User {
  const first = displayName.split(' ')[0]!.toLowerCase();
  const email = `${displayName.toLowerCase().replace(/ /g, '.')}@${domain}`;
  return {
    accountId: `qm:${uuid(email)}:${uuid(`portal:${email}`)}`,
    accountType: 'customer',
    emailAddress: email,
    displayName,
    active: true,
    timeZone,
    locale: 'en_US',
    apiToken: `sandbox-api-token-${first}`,
    groups: [],
  };
}

export const CUSTOMERS: User[] = [
  customer('Alex Morgan', 'acme-retail.example', 'Europe/London'),
  customer('Bea Santos', 'acme-retail.example', 'Europe/Lisbon'),
  customer('Chris Doyle', 'contractor.example', 'Europe/Dublin'),
  customer('Dana Fischer', 'contractor.example', 'Europe/Berlin'),
  customer('Eli Brooks', 'newhire.example', 'America/Chicago'),
  customer('Farah Haddad', 'newhire.example', 'Asia/Dubai'),
  customer('Gus Ortega', 'gmail.example', 'America/Los_Angeles'),
];

export const [ALEX, BEA, CHRIS, DANA, ELI, FARAH, GUS] = CUSTOMERS.map((u) => u.accountId) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

export const ORG = { acme: '1', contractors: '2', newHires: '3' } as const;

export function organizations(now: number): Organization[] {
  const day = 86_400_000;
  return [
    {
      id: ORG.acme,
      uuid: uuid('org:acme'),
      name: 'Acme Retail',
      created: now - 300 * day,
      memberIds: [ALEX, BEA],
      properties: { 'account-plan': { manager: 'Maya Chen', tier: 'gold' } },
    },
    {
      id: ORG.contractors,
      uuid: uuid('org:contractors'),
      name: 'Nimbus Contractors',
      created: now - 200 * day,
      memberIds: [CHRIS, DANA],
      properties: {},
    },
    {
      id: ORG.newHires,
      uuid: uuid('org:new-hires'),
      name: 'New Hires 2026',
      created: now - 60 * day,
      memberIds: [ELI, FARAH],
      properties: {},
    },
  ];
}
