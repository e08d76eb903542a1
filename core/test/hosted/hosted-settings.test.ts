// What `serve --http` refuses to start with, each problem named for the operator, and what it
// derives from the public URL.
import { parseConfig, type AtlassianMcpConfigInput } from '@atlassian-mcp/config';
import { HostedConfigError, resolveHostedSettings } from '../../src/hosted/hosted-settings';

const KEYS = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
const good: AtlassianMcpConfigInput = {
  site: { url: 'https://acme.atlassian.net' },
  auth: { type: 'oauth', oauth: { clientId: 'client-id' } },
  hosted: { publicUrl: 'https://mcp.acme.example' },
};
const env = { ATLASSIAN_CLIENT_SECRET: 'secret', ATLASSIAN_MCP_VAULT_KEYS: KEYS };
const listen = { host: '0.0.0.0', port: 3000 };

function problems(config: AtlassianMcpConfigInput, e: NodeJS.ProcessEnv = env): string[] {
  try {
    resolveHostedSettings(parseConfig(config), e, listen);
    return [];
  } catch (err) {
    if (!(err instanceof HostedConfigError)) throw err;
    return err.problems;
  }
}

describe('hosted settings', () => {
  it('derives the resource, metadata and callback URLs from the public URL', () => {
    const s = resolveHostedSettings(parseConfig(good), env, listen);
    expect(s.resource).toBe('https://mcp.acme.example/mcp');
    expect(s.resourceMetadataUrl).toBe('https://mcp.acme.example/.well-known/oauth-protected-resource/mcp');
    expect(s.atlassianCallbackUrl).toBe('https://mcp.acme.example/oauth/atlassian/callback');
    expect(s.allowedHosts).toEqual(['mcp.acme.example']);
    expect(s.loopbackOnly).toBe(false);
  });

  it('refuses plain http off loopback, a shared API token, a missing site and missing secrets', () => {
    expect(problems({ ...good, hosted: { publicUrl: 'http://mcp.acme.example' } })).toEqual([
      expect.stringContaining('must be https'),
    ]);
    expect(
      problems(
        { ...good, auth: { type: 'apiToken', email: 'a@b.example', apiToken: { env: 'TOKEN' } } },
        {
          ...env,
          TOKEN: 'x',
        },
      ),
    ).toEqual(expect.arrayContaining([expect.stringContaining('a shared service account is not supported')]));
    expect(problems({ ...good, site: {} })).toEqual([expect.stringContaining('serves one Atlassian site')]);
    expect(problems(good, { ATLASSIAN_MCP_VAULT_KEYS: KEYS })).toEqual([
      expect.stringContaining('ATLASSIAN_CLIENT_SECRET'),
    ]);
  });

  it('with Redis, demands the vault keys every replica shares; malformed keys are named', () => {
    expect(problems(good, { ATLASSIAN_CLIENT_SECRET: 's', ATLASSIAN_MCP_REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual(
      [expect.stringContaining('every replica must encrypt the token vault with the same key')],
    );
    expect(problems(good, { ...env, ATLASSIAN_MCP_VAULT_KEYS: 'k1:short' })).toEqual([
      expect.stringContaining('must be 32 bytes'),
    ]);
  });
});
