// UserDTO: a customer or agent as the servicedeskapi shows them.
import { avatarUrls } from '../../jira/render/users.js';
import type { JiraStore } from '../../jira/store.js';

export function userDto(jira: JiraStore, base: string, accountId: string) {
  const u = jira.user(accountId);
  const self = `${base}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`;
  if (!u) return { accountId, displayName: 'Former user', active: false, _links: { self, jiraRest: self } };
  return {
    accountId: u.accountId,
    emailAddress: u.emailAddress,
    displayName: u.displayName,
    active: u.active,
    timeZone: u.timeZone,
    _links: { jiraRest: self, avatarUrls: avatarUrls(u.accountId), self },
  };
}
