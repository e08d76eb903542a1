import nock from 'nock';
import { AtlassianHttp } from '../../src/http/atlassian-http.js';
import { globalFetch } from '../../src/http/tokens.js';
import { apiPath, assertSafePath, pathSegment } from '../../src/http/path.js';
import { InputError } from '../../src/plugin-api/errors.js';
import { captureLogger, FakeAuthorizer, testConfig } from './helpers.js';

const SITE = 'https://acme.atlassian.net';
const HOSTILE = [
  '',
  '.',
  '..',
  '%2e%2e',
  '%2E.',
  '.%2e',
  '%252e%252e',
  '/',
  '%2F',
  'a/../b',
  '..\\..',
  '\\',
  '\ud800',
  'x\udc00',
];

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('apiPath (the one way an argument reaches a URL path)', () => {
  it('encodes each value as one segment', () => {
    expect(apiPath`/rest/api/3/issue/${'PROJ-1'}/comment/${10042}`).toBe('/rest/api/3/issue/PROJ-1/comment/10042');
    expect(apiPath`/x/${'a b?c#d&e'}`).toBe('/x/a%20b%3Fc%23d%26e');
    expect(apiPath`/x/${'100%'}`).toBe('/x/100%25');
  });

  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))('refuses %s with an InputError', (_, value) => {
    expect(() => apiPath`/rest/api/3/issue/PROJ-1/comment/${value}`).toThrow(InputError);
  });

  it('refuses numbers that are not whole ids', () => {
    for (const n of [-1, 1.5, NaN, Infinity]) expect(() => pathSegment(n)).toThrow(InputError);
    expect(pathSegment(0)).toBe('0');
  });

  it('names the argument and never echoes a huge value', () => {
    const e = (() => {
      try {
        pathSegment('..', 'commentId');
      } catch (err) {
        return err as InputError;
      }
    })();
    expect(e?.message).toMatch(/^commentId "\.\." is not a valid id/);
    expect(() => pathSegment('x'.repeat(2000))).toThrow(/longer than/);
    try {
      pathSegment('x'.repeat(1_000_000));
    } catch (err) {
      expect((err as Error).message.length).toBeLessThan(200);
    }
  });
});

describe('assertSafePath (the pipeline refuses raw paths with dot segments)', () => {
  it.each([
    '/rest/api/3/issue/PROJ-1/comment/..',
    '/rest/api/3/issue/PROJ-1/comment/%2e%2e',
    '/rest/api/3/issue/PROJ-1/./comment',
    '/rest/api/3/issue//comment',
    '/rest/api/3/issue/\ud800',
    '/rest/api/3/issue/a\\..',
  ])('refuses %s', (p) => {
    expect(() => assertSafePath(p)).toThrow(InputError);
  });

  it('accepts ordinary paths, a trailing slash and dots inside a query', () => {
    for (const p of ['/rest/api/3/issue/PROJ-1', '/wiki/api/v2/pages/', '/rest/api/3/search?jql=a%20..%20b&x=..'])
      expect(() => assertSafePath(p)).not.toThrow();
  });

  it('AtlassianHttp.request refuses a raw dot-segment path before sending anything', async () => {
    const scope = nock(SITE).delete(/.*/).reply(204);
    const http = new AtlassianHttp(testConfig(), captureLogger().logger, new FakeAuthorizer(SITE), globalFetch);
    await expect(
      http.request({ product: 'jira', method: 'DELETE', path: '/rest/api/3/issue/NOVA-11/comment/..' }),
    ).rejects.toBeInstanceOf(InputError);
    expect(scope.isDone()).toBe(false);
  });
});
