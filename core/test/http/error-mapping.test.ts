import { mapErrorResponse, extractUpstreamMessages } from '../../src/http/error-mapping.js';
import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  RateLimitedError,
  UpstreamError,
  isAtlassianMcpError,
} from '../../src/plugin-api/errors.js';

const jiraBody = { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} };

describe('mapErrorResponse: every status maps to the right error and message', () => {
  const cases: Array<{
    status: number;
    body: unknown;
    type: new (...a: never[]) => Error;
    message: RegExp;
    code: string;
  }> = [
    {
      status: 400,
      body: { errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } },
      type: InputError,
      message: /summary: You must specify a summary/,
      code: 'input',
    },
    {
      status: 400,
      body: { errorMessage: 'The request type is not valid.', i18nErrorMessage: { i18nKey: 'x', parameters: [] } },
      type: InputError,
      message: /request type is not valid/,
      code: 'input',
    },
    {
      status: 400,
      body: {
        errors: [
          {
            status: 400,
            code: 'INVALID_REQUEST_PARAMETER',
            title: "Provided value {abc} for 'id' is not the correct type.",
            detail: null,
          },
        ],
      },
      type: InputError,
      message: /Provided value \{abc\}/,
      code: 'input',
    },
    {
      status: 401,
      body: { code: 401, message: 'Unauthorized; scope does not match' },
      type: AuthenticationError,
      message: /lack a scope/,
      code: 'authentication',
    },
    {
      status: 401,
      body: 'Client must be authenticated to access this resource.',
      type: AuthenticationError,
      message: /rejected the credentials/,
      code: 'authentication',
    },
    {
      status: 403,
      body: { errorMessages: ['You do not have permission to edit issues in this project.'] },
      type: NotAllowedError,
      message: /permission to edit issues/,
      code: 'not_allowed',
    },
    { status: 404, body: jiraBody, type: NotFoundError, message: /Issue does not exist/, code: 'not_found' },
    {
      status: 409,
      body: { errorMessages: ['Version mismatch: the page was edited meanwhile.'] },
      type: ConflictError,
      message: /Version mismatch/,
      code: 'conflict',
    },
    {
      status: 410,
      body: {
        errorMessages: ['The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.'],
      },
      type: UpstreamError,
      message: /Atlassian API was removed/,
      code: 'upstream',
    },
    { status: 413, body: '', type: InputError, message: /too large/, code: 'input' },
    // Issue 11: these were answered "Retry later", but repeating the same call cannot help.
    { status: 405, body: '', type: InputError, message: /does not accept GET/, code: 'input' },
    { status: 414, body: '', type: InputError, message: /URL or its query is too long/, code: 'input' },
    { status: 431, body: '', type: InputError, message: /URL or its query is too long/, code: 'input' },
    { status: 429, body: '', type: RateLimitedError, message: /rate limiting/, code: 'rate_limited' },
    {
      status: 500,
      body: '<html><body>Internal error</body></html>',
      type: UpstreamError,
      message: /Atlassian failed \(HTTP 500\)/,
      code: 'upstream',
    },
    { status: 502, body: '', type: UpstreamError, message: /HTTP 502/, code: 'upstream' },
    { status: 503, body: '', type: UpstreamError, message: /HTTP 503/, code: 'upstream' },
    {
      status: 418,
      body: '',
      type: UpstreamError,
      message: /Unexpected answer from Atlassian \(HTTP 418\)/,
      code: 'upstream',
    },
  ];
  it.each(cases)('HTTP $status → $type.name', ({ status, body, type, message, code }) => {
    const err = mapErrorResponse({
      method: 'GET',
      path: '/rest/api/3/issue/PROJ-1',
      status,
      body,
      retryAfterMs: status === 429 ? 5000 : undefined,
    });
    expect(err).toBeInstanceOf(type);
    expect(isAtlassianMcpError(err)).toBe(true);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(err.hint).toEqual(expect.any(String));
  });

  it('carries field errors on InputError', () => {
    const err = mapErrorResponse({
      method: 'POST',
      path: '/rest/api/3/issue',
      status: 400,
      body: {
        errorMessages: ['Bad'],
        errors: { priority: 'Priority name "Urgent" is not valid', fixVersions: 'Field is required' },
      },
    });
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).fieldErrors).toEqual({
      priority: 'Priority name "Urgent" is not valid',
      fixVersions: 'Field is required',
    });
    expect(err.message).toContain('Bad');
    expect(err.message).toContain('fixVersions: Field is required');
  });

  it('names the scope to add when the token lacks one', () => {
    const err = mapErrorResponse({
      method: 'GET',
      path: '/rest/api/3/issue/X-1',
      status: 401,
      body: { message: 'Unauthorized; scope does not match' },
      scopes: ['read:jira-work'],
    });
    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as AuthenticationError).missingScopes).toEqual(['read:jira-work']);
    expect(err.hint).toContain('read:jira-work');
  });

  it('tells the model when to retry a 429', () => {
    const err = mapErrorResponse({ method: 'GET', path: '/x', status: 429, body: '', retryAfterMs: 12_300 });
    expect((err as RateLimitedError).retryAfterMs).toBe(12_300);
    expect(err.hint).toBe('Retry in about 13 s.');
  });

  it('reads Confluence v1 errors: the message without its Java exception class, and the reasons under data.errors', () => {
    const body = {
      statusCode: 400,
      data: {
        authorized: true,
        valid: false,
        errors: [{ message: { translation: 'Expected a value at position 24', args: [] } }],
        successful: false,
      },
      message: 'com.atlassian.confluence.api.service.exceptions.BadRequestException: Could not parse cql : title ~',
    };
    expect(extractUpstreamMessages(body).messages).toEqual([
      'Could not parse cql : title ~',
      'Expected a value at position 24',
    ]);
  });

  it('keeps HTML error pages and over-long texts out of the message', () => {
    expect(extractUpstreamMessages('<!DOCTYPE html><html>secret stack</html>').messages).toEqual([]);
    const long = extractUpstreamMessages({ errorMessages: ['x'.repeat(2000)] }).messages[0]!;
    expect(long.length).toBeLessThanOrEqual(400);
  });
});
