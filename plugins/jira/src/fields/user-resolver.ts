import { InputError, inject, Service } from '@atlassian-mcp/core';
import { JiraUsers, type User } from '../client/jira-users.js';

const ME = new Set(['me', 'myself', 'currentuser', 'currentuser()']);
// Atlassian account ids: 24 hex digits (older) or "<number>:<uuid>".
const ACCOUNT_ID = /^(?:[0-9a-f]{24}|\d+:[0-9a-f-]{36})$/i;

/** Turns "me", an email, a display name or an account id into an account id. */
@Service()
export class UserResolver {
  constructor(@inject(JiraUsers) private readonly users: JiraUsers) {}

  async accountId(who: string): Promise<string> {
    return (await this.user(who)).accountId;
  }

  /** Like {@link accountId}, with the display name when the lookup found it. */
  async user(who: string): Promise<{ accountId: string; displayName?: string }> {
    const value = who.trim().replace(/^accountid:/i, '');
    if (ME.has(value.toLowerCase())) return known(await this.users.myself());
    if (ACCOUNT_ID.test(value)) return { accountId: value };
    const found = await this.users.search(value, 10);
    const wanted = value.toLowerCase();
    const exact = found.filter(
      (u) =>
        u.accountId === value || u.emailAddress?.toLowerCase() === wanted || u.displayName?.toLowerCase() === wanted,
    );
    const pick = exact.length === 1 ? exact : exact.length === 0 && found.length === 1 ? found : undefined;
    if (pick) return known(pick[0]);
    if (found.length === 0) {
      throw new InputError(`No Jira user matches "${who}".`, {
        hint: 'Use jira_search_users to find the person, then pass their email or accountId.',
      });
    }
    throw new InputError(
      `"${who}" matches several users: ${(exact.length ? exact : found).map(describe).join('; ')}.`,
      {
        hint: 'Pass the email or accountId of the one you mean.',
      },
    );
  }
}

function known(u: User): { accountId: string; displayName?: string } {
  return { accountId: u.accountId!, ...(u.displayName ? { displayName: u.displayName } : {}) };
}

function describe(u: User): string {
  return [u.displayName, u.emailAddress && `<${u.emailAddress}>`, u.accountId && `(${u.accountId})`]
    .filter(Boolean)
    .join(' ');
}
