import nock from 'nock';
import { AtlassianHttp } from '../../src/http/atlassian-http.js';
import { globalFetch } from '../../src/http/tokens.js';
import { InputError, NotFoundError, UpstreamError } from '../../src/plugin-api/errors.js';
import { captureLogger, FakeAuthorizer, testConfig } from './helpers.js';

const SITE = 'https://acme.atlassian.net';

/** A two-operation slice in openapi-typescript's output shape. */
interface Paths {
  '/rest/api/3/issue/{issueIdOrKey}': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: { fields?: string[] }; header?: never; path: { issueIdOrKey: string }; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': { key: string } } };
        404: { headers: { [name: string]: unknown }; content?: never };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rest/api/3/issue': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { 'application/json': { fields: Record<string, unknown> } } };
      responses: { 201: { headers: { [name: string]: unknown }; content: { 'application/json': { key: string } } } };
    };
    get?: never;
    put?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

function client() {
  const http = new AtlassianHttp(testConfig(), captureLogger().logger, new FakeAuthorizer(SITE), globalFetch);
  return http.client<Paths>('jira');
}

describe('AtlassianHttp.client (openapi-fetch over the pipeline)', () => {
  it('sends typed requests through the pipeline (auth header, real base URL)', async () => {
    nock(SITE, { reqheaders: { authorization: 'Bearer token-1' } })
      .get('/rest/api/3/issue/PROJ-1')
      .query({ fields: 'summary' })
      .reply(200, { key: 'PROJ-1' });
    const { data } = await client().GET('/rest/api/3/issue/{issueIdOrKey}', {
      params: { path: { issueIdOrKey: 'PROJ-1' }, query: { fields: ['summary'] } },
    });
    expect(data?.key).toBe('PROJ-1');
  });

  it('posts JSON bodies', async () => {
    nock(SITE)
      .post('/rest/api/3/issue', { fields: { summary: 'Hi' } })
      .reply(201, { key: 'PROJ-2' });
    const { data } = await client().POST('/rest/api/3/issue', { body: { fields: { summary: 'Hi' } } });
    expect(data?.key).toBe('PROJ-2');
  });

  it('still maps errors: a 404 throws NotFoundError, never { error }', async () => {
    nock(SITE)
      .get('/rest/api/3/issue/NOPE-1')
      .reply(404, { errorMessages: ['Issue does not exist'] });
    await expect(
      client().GET('/rest/api/3/issue/{issueIdOrKey}', { params: { path: { issueIdOrKey: 'NOPE-1' } } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('does not retry a POST on 500 unless marked idempotent', async () => {
    nock(SITE).post('/rest/api/3/issue').reply(500);
    await expect(client().POST('/rest/api/3/issue', { body: { fields: {} } })).rejects.toBeInstanceOf(UpstreamError);
    nock(SITE).post('/rest/api/3/issue').reply(500).post('/rest/api/3/issue').reply(201, { key: 'OK-1' });
    const { data } = await client().POST('/rest/api/3/issue', {
      body: { fields: {} },
      headers: { 'X-Mcp-Idempotent': 'true' },
    });
    expect(data?.key).toBe('OK-1');
  });
});

describe('AtlassianHttp.client path parameters', () => {
  it.each(['..', '.', '%2e%2e', 'a/b', '\ud800'])(
    'refuses %j before sending (no bypass of the path check)',
    async (id) => {
      const scope = nock(SITE).get(/.*/).reply(200, { key: 'X' });
      const { error, data } = await client()
        .GET('/rest/api/3/issue/{issueIdOrKey}', { params: { path: { issueIdOrKey: id } } })
        .catch((e: unknown) => ({ error: e, data: undefined }));
      expect(data).toBeUndefined();
      expect(error).toBeInstanceOf(InputError);
      expect(scope.isDone()).toBe(false);
    },
  );
});
