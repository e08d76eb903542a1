import { captureLogger } from './helpers.js';

describe('log redaction', () => {
  it('redacts secrets at the top level and one and two levels down', () => {
    const { logger, text } = captureLogger();
    logger.info({ accessToken: 'S1', refresh_token: 'S2' }, 'top');
    logger.info({ session: { accessToken: 'S3', refreshToken: 'S4' }, headers: { authorization: 'Bearer S5' } }, 'one');
    logger.info(
      {
        outer: { session: { access_token: 'S6', clientSecret: 'S7' } },
        req: { request: { headers: { authorization: 'Basic S8' } } },
      },
      'two',
    );
    logger.info({ config: { auth: { oauth: { clientSecret: 'S9' } } } }, 'config');
    const out = text();
    for (const s of ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9']) expect(out).not.toContain(`"${s}"`);
    expect(out).not.toMatch(/Bearer S5|Basic S8/);
    expect(out.match(/\[REDACTED\]/g)!.length).toBeGreaterThanOrEqual(9);
  });
});
