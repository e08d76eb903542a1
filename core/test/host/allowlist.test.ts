import { projectAllowed } from '../../src/policy/allowlist';

describe('project allowlist', () => {
  const allowed = ['NOVA', 'ops'];
  it('lets everything through without a list', () => {
    expect(projectAllowed(undefined, { projectKey: 'X' })).toBeUndefined();
  });
  it('checks project keys and every issue-key argument, in arrays and objects too', () => {
    expect(projectAllowed(allowed, { projectKey: 'nova' })).toBeUndefined();
    expect(projectAllowed(allowed, { issueKey: 'OPS-1', otherKey: 'NOVA-2' })).toBeUndefined();
    expect(projectAllowed(allowed, { project: 'MKT' })).toMatch(
      /project MKT is not in the configured project allowlist/,
    );
    expect(projectAllowed(allowed, { issueKey: 'NOVA-1', otherKey: 'MKT-9' })).toMatch(/MKT/);
    expect(projectAllowed(allowed, { issueKeys: ['NOVA-1', 'MKT-2'] })).toMatch(/MKT/);
    expect(projectAllowed(allowed, { issues: [{ key: 'OPS-3' }, { issueKey: 'HR-1' }] })).toMatch(/HR/);
    expect(projectAllowed(allowed, { before: 'MKT-1' })).toMatch(/MKT/);
  });
  it('ignores values that are not issue keys', () => {
    expect(projectAllowed(allowed, { key: 'not a key', parent: 'NOVA-12' })).toBeUndefined();
  });
});
