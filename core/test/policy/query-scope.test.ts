import { constrainQuery } from '../../src/policy/query-scope';

const R = 'project in ("NOVA")';

describe('confining a query (JQL, CQL)', () => {
  it('wraps the query and keeps ORDER BY outside', () => {
    expect(constrainQuery('status = Done ORDER BY key', R)).toBe(`${R} AND (status = Done) ORDER BY key`);
    expect(constrainQuery('', R)).toBe(R);
    expect(constrainQuery('ORDER BY created DESC', R)).toBe(`${R} ORDER BY created DESC`);
    expect(constrainQuery('summary ~ "order by x" OR (a = 1)', R)).toBe(`${R} AND (summary ~ "order by x" OR (a = 1))`);
  });

  it('refuses a query that would escape the wrapping', () => {
    for (const q of [
      'summary ~ "x" ) OR ( project = OPS',
      'a = 1) OR (project = OPS',
      'a = 1 ORDER BY key) OR (project = OPS',
      '(a = 1',
      'summary ~ "unclosed',
    ])
      expect(() => constrainQuery(q, R)).toThrow(/not well formed/);
  });

  it('skips parentheses and quotes inside strings, with escapes', () => {
    expect(constrainQuery("summary ~ \"a ) OR ( b\" AND text ~ 'it\\'s ('", R)).toBe(
      `${R} AND (summary ~ "a ) OR ( b" AND text ~ 'it\\'s (')`,
    );
  });
});
