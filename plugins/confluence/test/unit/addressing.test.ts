import { parseConfluenceUrl, tinyToId } from '../../src/client/page-locator.js';
import { constrainQuery } from '../../../../core/src/policy/query-scope';
import { spaceRestriction } from '../../src/client/confluence-containers.js';
import { cqlString, isCql } from '../../src/tools/search.tools.js';

const SITE = 'https://acme.atlassian.net';

describe('page URLs', () => {
  it.each([
    ['/wiki/spaces/ENG/pages/98306/Engineering+running+log', { id: '98306', kind: 'page' }],
    ['/wiki/spaces/ENG/pages/98306', { id: '98306', kind: 'page' }],
    ['/wiki/spaces/ENG/pages/edit-v2/98306', { id: '98306', kind: 'page' }],
    ['/wiki/pages/viewpage.action?pageId=98306', { id: '98306', kind: 'page' }],
    ['/wiki/pages/resumedraft.action?draftId=98306', { id: '98306', kind: 'page' }],
    ['/wiki/spaces/ENG/blog/2026/11/02/98358/Engineering+weekly', { id: '98358', kind: 'blogpost' }],
    ['/wiki/display/ENG/Engineering+running+log', { spaceKey: 'ENG', title: 'Engineering running log' }],
    ['/wiki/display/ENG/Caf%C3%A9+notes', { spaceKey: 'ENG', title: 'Café notes' }],
    ['/wiki/spaces/ENG/overview', { spaceKey: 'ENG' }],
    ['/wiki/spaces/ENG', { spaceKey: 'ENG' }],
  ])('%s', (path, expected) => {
    expect(parseConfluenceUrl(`${SITE}${path}`, SITE)).toEqual(expected);
  });

  it('decodes tiny links (Confluence: little-endian id bytes in URL-safe base64, trailing A dropped)', () => {
    expect(tinyToId('AoAB')).toBe('98306');
    expect(parseConfluenceUrl(`${SITE}/wiki/x/AoAB`, SITE)).toEqual({ id: '98306', kind: 'page' });
    for (const id of ['98555', '98559', '65536', '4294967296', '123456789012']) expect(tinyToId(tiny(id))).toBe(id);
    expect(tiny('98555')).toContain('_');
    expect(() => tinyToId('not/valid')).toThrow(/not a Confluence page URL/);
  });

  it('refuses URLs of another site and URLs that name no page', () => {
    expect(() => parseConfluenceUrl('https://evil.example.com/wiki/spaces/ENG/pages/1', SITE)).toThrow(
      /not the Confluence site this server works on/,
    );
    expect(() => parseConfluenceUrl(`${SITE}/jira/browse/NOVA-1`, SITE)).toThrow(/not a Confluence page URL/);
    expect(() => parseConfluenceUrl('nonsense', SITE)).toThrow(/not a Confluence page URL/);
  });
});

describe('CQL', () => {
  it.each([
    ['space = ENG', true],
    ['title ~ "release notes"', true],
    ['label in (a, b)', true],
    ['type=page', true],
    ['created >= now("-7d")', true],
    ['text ~ x ORDER BY lastmodified DESC', true],
    ['release notes for the space team', false],
    ['how do we handle type errors', false],
    ['what is in space?', false],
  ])('%s is CQL: %s', (query, cql) => {
    expect(isCql(query)).toBe(cql);
  });

  it('quotes text for CQL', () => {
    expect(cqlString('say "hi" \\ there')).toBe('"say \\"hi\\" \\\\ there"');
  });

  it('wraps a query in the allowed spaces (through core), ORDER BY outside, and refuses one that could break out', () => {
    const scopeCql = (cql: string, spaces: string[]) => constrainQuery(cql, spaceRestriction(spaces));
    expect(scopeCql('title ~ x order by title', ['ENG', 'OPS'])).toBe(
      'space in ("ENG", "OPS") AND (title ~ x) order by title',
    );
    expect(scopeCql('title ~ "a ) order by (" ORDER BY created', ['ENG'])).toBe(
      'space in ("ENG") AND (title ~ "a ) order by (") ORDER BY created',
    );
    expect(scopeCql('ORDER BY created', ['ENG'])).toBe('space in ("ENG") ORDER BY created');
    expect(spaceRestriction(['E"NG\\'])).toBe('space in ("ENG")');
    for (const bad of ['x) OR (space = OPS', 'title ~ "x', '(a', 'a)'])
      expect(() => scopeCql(bad, ['ENG'])).toThrow(/not well formed/);
  });
});

/** Confluence's encoding of a tiny link code (as the sandbox and Cloud compute it). */
function tiny(id: string): string {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(id));
  let end = 8;
  while (end > 1 && b[end - 1] === 0) end--;
  return b
    .subarray(0, Math.max(end, 4))
    .toString('base64')
    .replace(/=+$/, '')
    .replace(/\//g, '-')
    .replace(/\+/g, '_')
    .replace(/A+$/, '');
}
