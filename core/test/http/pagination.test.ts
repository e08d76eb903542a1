import fc from 'fast-check';
import {
  decodeCursor,
  encodeCursor,
  jsmPage,
  jsmParams,
  linkPage,
  linkRequestPath,
  nextFromLinkHeader,
  offsetPage,
  offsetParams,
  tokenPage,
  tokenParams,
} from '../../src/http/pagination.js';
import { InputError } from '../../src/plugin-api/errors.js';

describe('cursors', () => {
  it('round-trips every style', () => {
    fc.assert(
      fc.property(fc.nat(), fc.string({ minLength: 1 }), (n, token) => {
        expect(decodeCursor(encodeCursor({ style: 'offset', startAt: n }), 'offset')).toEqual({
          style: 'offset',
          startAt: n,
        });
        expect(decodeCursor(encodeCursor({ style: 'jsm', start: n }), 'jsm')).toEqual({ style: 'jsm', start: n });
        expect(decodeCursor(encodeCursor({ style: 'token', nextPageToken: token }), 'token')).toEqual({
          style: 'token',
          nextPageToken: token,
        });
      }),
    );
  });

  it('treats a missing cursor as the first page', () => {
    expect(decodeCursor(undefined, 'offset')).toBeUndefined();
    expect(offsetParams(undefined, 50)).toEqual({ startAt: 0, maxResults: 50 });
    expect(tokenParams('')).toEqual({});
  });

  it.each([
    ['garbage', 'not base64 json!!'],
    ['another style', encodeCursor({ style: 'token', nextPageToken: 'x' })],
    ['negative offset', Buffer.from(JSON.stringify({ style: 'offset', startAt: -5 })).toString('base64url')],
    [
      'absolute link (SSRF)',
      Buffer.from(JSON.stringify({ style: 'link', next: 'https://evil.example/wiki/api/v2/pages' })).toString(
        'base64url',
      ),
    ],
    [
      'protocol-relative link',
      Buffer.from(JSON.stringify({ style: 'link', next: '//evil.example/x' })).toString('base64url'),
    ],
    ['dot-dot link', Buffer.from(JSON.stringify({ style: 'link', next: '/wiki/../admin' })).toString('base64url')],
  ])('rejects a bad cursor (%s) with an InputError', (_name, cursor) => {
    const style = _name === 'another style' || _name === 'negative offset' || _name === 'garbage' ? 'offset' : 'link';
    expect(() => decodeCursor(cursor, style)).toThrow(InputError);
  });
});

describe('offset pages (startAt/maxResults/isLast/total)', () => {
  it('continues until total is reached', () => {
    const p1 = offsetPage<{ id: number }>({ startAt: 0, maxResults: 2, total: 3, values: [{ id: 1 }, { id: 2 }] });
    expect(p1.items).toHaveLength(2);
    expect(offsetParams(p1.nextCursor, 2)).toEqual({ startAt: 2, maxResults: 2 });
    const p2 = offsetPage({ startAt: 2, maxResults: 2, total: 3, values: [{ id: 3 }] });
    expect(p2.nextCursor).toBeUndefined();
  });
  it('honours isLast and a server that caps maxResults', () => {
    const capped = offsetPage({
      startAt: 0,
      maxResults: 100,
      values: Array.from({ length: 50 }, (_, i) => i),
      isLast: false,
    });
    expect(offsetParams(capped.nextCursor, 100).startAt).toBe(50);
    expect(offsetPage({ startAt: 0, values: [1], isLast: true }).nextCursor).toBeUndefined();
    expect(offsetPage({ startAt: 0, issues: [1, 2], total: 10 }, 'issues').items).toEqual([1, 2]);
    expect(offsetPage({ startAt: 4, values: [], total: 10 }).nextCursor).toBeUndefined();
  });
});

describe('token pages (nextPageToken)', () => {
  it('passes the token on and stops on the last page', () => {
    const p = tokenPage({ issues: [{ key: 'A-1' }], nextPageToken: 'tok-2' });
    expect(tokenParams(p.nextCursor)).toEqual({ nextPageToken: 'tok-2' });
    expect(tokenPage({ issues: [], nextPageToken: null, isLast: true }).nextCursor).toBeUndefined();
    expect(tokenPage({ issues: [{}], isLast: true, nextPageToken: 'ignored' }).nextCursor).toBeUndefined();
  });
});

describe('Confluence cursor pages (_links.next / Link)', () => {
  it('takes the next link from the body', () => {
    const p = linkPage({
      results: [{ id: '1' }],
      _links: { next: '/wiki/api/v2/pages?limit=5&cursor=abc', base: 'https://acme.atlassian.net/wiki' },
    });
    expect(linkRequestPath(p.nextCursor, '/wiki/api/v2/pages')).toBe('/wiki/api/v2/pages?limit=5&cursor=abc');
    expect(linkRequestPath(undefined, '/wiki/api/v2/pages')).toBe('/wiki/api/v2/pages');
  });
  it('falls back to the Link header and strips the gateway prefix', () => {
    const headers = new Headers({
      link: '</ex/confluence/abc-123/wiki/api/v2/spaces?cursor=zz>; rel="next", </wiki/api/v2/spaces>; rel="base"',
    });
    const p = linkPage({ results: [] }, headers);
    expect(linkRequestPath(p.nextCursor, '/x')).toBe('/wiki/api/v2/spaces?cursor=zz');
    expect(linkPage({ results: [1] }).nextCursor).toBeUndefined();
  });
  it('parses only rel=next out of a Link header', () => {
    expect(nextFromLinkHeader('</a>; rel="prev", </b>; rel="next"')).toBe('/b');
    expect(nextFromLinkHeader('</a>; rel="prev"')).toBeUndefined();
    expect(nextFromLinkHeader(null)).toBeUndefined();
  });
});

describe('JSM pages (start/limit/isLastPage)', () => {
  it('moves start by size until isLastPage', () => {
    const p = jsmPage({ start: 0, limit: 2, size: 2, isLastPage: false, values: ['a', 'b'] });
    expect(jsmParams(p.nextCursor, 2)).toEqual({ start: 2, limit: 2 });
    expect(jsmPage({ start: 2, limit: 2, size: 1, isLastPage: true, values: ['c'] }).nextCursor).toBeUndefined();
  });
});
