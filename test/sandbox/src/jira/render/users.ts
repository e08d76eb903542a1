// Users → UserDetails beans (and their identicon avatar URLs).
import type { User } from '../model.js';
import type { RenderCtx } from './context.js';

const AVATAR = 'https://secure.gravatar.com/avatar';

export function avatarUrls(seed: string): Record<string, string> {
  const h = seed
    .replace(/[^a-z0-9]/gi, '')
    .slice(-12)
    .toLowerCase();
  return {
    '48x48': `${AVATAR}/${h}?d=identicon&s=48`,
    '24x24': `${AVATAR}/${h}?d=identicon&s=24`,
    '16x16': `${AVATAR}/${h}?d=identicon&s=16`,
    '32x32': `${AVATAR}/${h}?d=identicon&s=32`,
  };
}

export function userBean(c: RenderCtx, u: User | undefined): Record<string, unknown> | null {
  if (!u) return null;
  return {
    self: `${c.base}/rest/api/3/user?accountId=${u.accountId}`,
    accountId: u.accountId,
    emailAddress: u.emailAddress,
    avatarUrls: avatarUrls(u.accountId),
    displayName: u.displayName,
    active: u.active,
    timeZone: u.timeZone,
    accountType: u.accountType,
  };
}

export const userRef = (c: RenderCtx, accountId: unknown) =>
  typeof accountId === 'string' ? userBean(c, c.store.user(accountId)) : null;
