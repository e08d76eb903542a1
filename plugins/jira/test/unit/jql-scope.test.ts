import { scopeJql } from '../../src/client/jql-scope.js';

describe('scopeJql (project allowlist)', () => {
  it('leaves the query alone without an allowlist', () => {
    expect(scopeJql('assignee = currentUser()', undefined)).toBe('assignee = currentUser()');
    expect(scopeJql('assignee = currentUser()', [])).toBe('assignee = currentUser()');
  });

  it.each([
    ['assignee = currentUser()', 'project in ("NOVA", "OPS") AND (assignee = currentUser())'],
    [
      'project = MKT OR assignee = currentUser() ORDER BY updated DESC',
      'project in ("NOVA", "OPS") AND (project = MKT OR assignee = currentUser()) ORDER BY updated DESC',
    ],
    ['ORDER BY created', 'project in ("NOVA", "OPS") ORDER BY created'],
    [
      'summary ~ "order by price" order by key',
      'project in ("NOVA", "OPS") AND (summary ~ "order by price") order by key',
    ],
    ['text ~ "a \\" order by b"', 'project in ("NOVA", "OPS") AND (text ~ "a \\" order by b")'],
  ])('confines %p', (jql, expected) => {
    expect(scopeJql(jql, ['NOVA', 'OPS'])).toBe(expected);
  });
});
