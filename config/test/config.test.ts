import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { applyEnvOverlay, ConfigError, configJsonSchema, loadConfig, parseConfig } from '@atlassian-mcp/config';

const dir = () => mkdtempSync(join(tmpdir(), 'amcp-config-'));

describe('config', () => {
  it('has sensible defaults with no file and no env', async () => {
    const { config, filepath, pluginsExplicit } = await loadConfig({ cwd: dir(), env: {} });
    expect(filepath).toBeUndefined();
    expect(pluginsExplicit).toBe(false);
    expect(config).toMatchObject({
      readOnly: false,
      allowDestructive: false,
      auth: { type: 'auto' },
      rateLimit: { concurrency: 6 },
    });
  });

  it('loads a TypeScript config file on Node 20 (cosmiconfig + jiti)', async () => {
    const d = dir();
    writeFileSync(
      join(d, 'atlassian-mcp.config.ts'),
      `
      enum Mode { Safe = 'safe' }
      interface Extra { mode: Mode }
      const extra: Extra = { mode: Mode.Safe };
      export default { site: { url: 'https://acme.atlassian.net' }, readOnly: extra.mode === Mode.Safe, plugins: { jira: { defaultProject: 'ENG' } } };
    `,
    );
    const { config, filepath, pluginsExplicit } = await loadConfig({ cwd: d, env: {} });
    expect(filepath).toBe(join(d, 'atlassian-mcp.config.ts'));
    expect(config.readOnly).toBe(true);
    expect(config.site.url).toBe('https://acme.atlassian.net');
    expect(pluginsExplicit).toBe(true);
  });

  it('loads YAML and an explicit --config path', async () => {
    const d = dir();
    writeFileSync(join(d, 'custom.yaml'), 'readOnly: true\ntoolsets: [default, "jira:agile"]\n');
    const { config } = await loadConfig({ cwd: d, configPath: 'custom.yaml', env: {} });
    expect(config.toolsets).toEqual(['default', 'jira:agile']);
  });

  it('reports every problem with its path, not just the first', () => {
    let err: unknown;
    try {
      parseConfig({ readOnly: 'yes', site: { url: 'not a url' }, rateLimit: { concurrency: 0 }, bogus: 1 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const paths = (err as ConfigError).problems.map((p) => p.path).sort();
    expect(paths).toEqual(['(root)', 'rateLimit.concurrency', 'readOnly', 'site.url']);
    expect((err as Error).message).toMatch(/readOnly: .*expected boolean/);
  });

  it("keeps the seed's environment variables working, over the file", () => {
    const raw = applyEnvOverlay(
      { plugins: { jira: { defaultProject: 'X' }, '@acme/p': {}, confluence: {} }, readOnly: false },
      {
        ATLASSIAN_SITE_URL: 'https://x.atlassian.net/',
        ATLASSIAN_CLIENT_ID: 'cid',
        ATLASSIAN_MODULES: 'jira,service_desk',
        ATLASSIAN_READ_ONLY: 'true',
      },
    );
    const config = parseConfig(raw);
    expect(config.site.url).toBe('https://x.atlassian.net');
    expect(config.auth.oauth.clientId).toBe('cid');
    expect(config.readOnly).toBe(true);
    expect(Object.keys(config.plugins ?? {}).sort()).toEqual(['@acme/p', 'jira', 'service-desk']);
    expect(config.plugins?.jira).toEqual({ defaultProject: 'X' });
  });

  it('parses booleans from the environment strictly and names a bad variable', () => {
    for (const [value, expected] of [
      ['true', true],
      ['TRUE', true],
      ['1', true],
      ['yes', true],
      ['on', true],
      [' false ', false],
      ['0', false],
      ['No', false],
      ['off', false],
    ] as const) {
      expect(parseConfig(applyEnvOverlay({}, { ATLASSIAN_READ_ONLY: value })).readOnly).toBe(expected);
    }
    for (const bad of ['y', 'enabled', 'readonly', 'ja', '2', 'truee']) {
      let err: unknown;
      try {
        applyEnvOverlay({}, { ATLASSIAN_READ_ONLY: bad });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toContain('ATLASSIAN_READ_ONLY');
      expect((err as Error).message).toContain(JSON.stringify(bad));
    }
    expect(() => applyEnvOverlay({}, { ATLASSIAN_ALLOW_DESTRUCTIVE: 'sure' })).toThrow(/ATLASSIAN_ALLOW_DESTRUCTIVE/);
    expect(() => applyEnvOverlay({}, { ATLASSIAN_SCOPED_TOKEN: 'maybe' })).toThrow(/ATLASSIAN_SCOPED_TOKEN/);
  });

  it('refuses to start with an unparseable read-only switch instead of serving writes', async () => {
    await expect(loadConfig({ cwd: dir(), env: { ATLASSIAN_READ_ONLY: 'enabled' } })).rejects.toThrow(
      /ATLASSIAN_READ_ONLY/,
    );
  });

  it('takes allowed file directories from the environment, separated like PATH', () => {
    const config = parseConfig(
      applyEnvOverlay({}, { ATLASSIAN_FILES_ALLOWED_DIRS: `/srv/uploads${delimiter} /tmp/a,b ` }),
    );
    expect(config.files).toEqual({ enabled: true, allowedDirs: ['/srv/uploads', '/tmp/a,b'], maxBytes: 10485760 });
    expect(parseConfig({}).files.allowedDirs).toEqual([]);
  });

  it('never takes a secret from the file: only an env reference', () => {
    expect(() => parseConfig({ auth: { apiToken: 'plain-text-token' } })).toThrow(/auth\.apiToken/);
    expect(parseConfig({ auth: { apiToken: { env: 'MY_TOKEN' } } }).auth.apiToken).toEqual({ env: 'MY_TOKEN' });
  });

  it('reports a config file that does not parse', async () => {
    const d = dir();
    writeFileSync(join(d, 'atlassian-mcp.config.json'), '{ "readOnly": tru');
    await expect(loadConfig({ cwd: d, env: {} })).rejects.toThrow(ConfigError);
  });

  it('ships a JSON Schema for editors that matches the zod schema', () => {
    const onDisk = JSON.parse(readFileSync(join(__dirname, '..', 'schema.json'), 'utf8'));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(configJsonSchema())));
    expect(Object.keys((onDisk as { properties: object }).properties)).toEqual(
      expect.arrayContaining(['site', 'auth', 'plugins', 'readOnly', 'toolsets']),
    );
  });
});
