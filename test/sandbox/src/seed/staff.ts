import type { SandboxSnapshot } from '../site.js';

/** The snapshot with generated staff accounts added up to `count` active ones (the input is not modified). */
export function withStaff(snapshot: SandboxSnapshot, count: number): SandboxSnapshot {
  const isStaff = (u: SandboxSnapshot['jira']['users'][number]) =>
    u.active && u.accountType === 'atlassian' && u.groups.includes('jira-software-users');
  const have = snapshot.jira.users.filter(isStaff).length;
  const model = snapshot.jira.users.find((u) => isStaff(u) && !u.groups.includes('jira-admins'));
  if (count <= have || !model) return snapshot;
  const users = [...snapshot.jira.users];
  for (let n = have + 1; n <= count; n++)
    users.push({
      ...model,
      groups: [...model.groups],
      accountId: `712020:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      emailAddress: `staff.${n}@nimbus-works.example`,
      displayName: `Staff Member ${n}`,
      apiToken: `sandbox-api-token-staff-${n}`,
    });
  return { ...snapshot, jira: { ...snapshot.jira, users } };
}
