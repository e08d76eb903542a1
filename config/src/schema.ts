import * as z from 'zod';

/** A secret is never written in the config file: it names the environment variable that holds it. */
export const secretRef = z
  .object({ env: z.string().min(1).describe('Name of the environment variable holding the secret') })
  .strict();

const url = z.string().url();

export const siteSchema = z
  .object({
    url: url
      .optional()
      .describe(
        'Your site, e.g. https://acme.atlassian.net (ATLASSIAN_SITE_URL). Any scheme/host/port: the sandbox works too.',
      ),
    cloudId: z.string().optional().describe('Cloud id; found from the site when omitted'),
    apiGatewayUrl: url.default('https://api.atlassian.com').describe('Gateway for OAuth and scoped tokens'),
    authUrl: url.default('https://auth.atlassian.com').describe('OAuth authorization server'),
  })
  .strict();

export const authSchema = z
  .object({
    type: z
      .enum(['auto', 'apiToken', 'oauth'])
      .default('auto')
      .describe('auto: API token when ATLASSIAN_EMAIL/ATLASSIAN_API_TOKEN are set, else OAuth'),
    email: z.string().optional().describe('Account email for API-token auth (ATLASSIAN_EMAIL)'),
    apiToken: secretRef.optional().describe('Where the API token comes from (default env ATLASSIAN_API_TOKEN)'),
    scopedToken: z.boolean().default(false).describe('A scoped API token: calls go through the API gateway'),
    oauth: z
      .object({
        clientId: z.string().optional().describe('ATLASSIAN_CLIENT_ID'),
        clientSecret: secretRef
          .optional()
          .describe('Where the client secret comes from (default env ATLASSIAN_CLIENT_SECRET)'),
        redirectUri: url.default('http://localhost:8080/callback'),
        scopes: z.array(z.string()).optional().describe('Override the scopes derived from the enabled plugins'),
      })
      .strict()
      .default({ redirectUri: 'http://localhost:8080/callback' }),
    store: z.enum(['auto', 'keychain', 'file', 'memory']).default('auto').describe('Credential store'),
    storeDir: z.string().optional().describe('Directory of the file credential store'),
  })
  .strict();

export const rateLimitSchema = z
  .object({
    concurrency: z.number().int().min(1).max(64).default(6).describe('Requests in flight per site'),
    maxRetries: z.number().int().min(0).max(10).default(4),
    baseDelayMs: z.number().int().min(1).default(2000),
    maxDelayMs: z.number().int().min(1).default(30000),
    maxWaitMs: z
      .number()
      .int()
      .min(0)
      .default(60000)
      .describe('Ceiling on the total time one tool call waits for rate limits'),
  })
  .strict();

export const httpSchema = z
  .object({
    timeoutMs: z.number().int().min(100).default(30000).describe('Per-request timeout'),
    connectTimeoutMs: z.number().int().min(100).default(10000),
    debug: z.boolean().default(false).describe('Log request lines (never bodies)'),
  })
  .strict();

export const auditSchema = z
  .object({
    enabled: z.boolean().default(true),
    file: z.string().optional().describe('JSONL file (mode 0600); default in the user state directory'),
  })
  .strict();

export const outputSchema = z
  .object({
    maxChars: z.number().int().min(500).default(24000).describe('Default text budget per tool result'),
    perTool: z.record(z.string(), z.number().int().min(200)).default({}),
  })
  .strict();

export const filesSchema = z
  .object({
    enabled: z
      .boolean()
      .default(true)
      .describe('Master switch for local file access; false turns every local read and write off (hosted mode)'),
    allowedDirs: z
      .array(z.string().min(1))
      .default([])
      .describe(
        'Directories tools may read files from (uploads) and write files into (downloads); none means no local file access (ATLASSIAN_FILES_ALLOWED_DIRS)',
      ),
    maxBytes: z
      .number()
      .int()
      .min(1)
      .default(10 * 1024 * 1024)
      .describe('Largest local file read or written'),
  })
  .strict();

export const hostedSchema = z
  .object({
    publicUrl: url
      .optional()
      .describe(
        'Where clients reach the hosted server, e.g. https://mcp.example.com (ATLASSIAN_MCP_PUBLIC_URL); <publicUrl>/mcp is the protected resource. Default: http://<host>:<port>',
      ),
    allowedOrigins: z
      .array(z.string())
      .default([])
      .describe(
        'Browser origins (hostnames) allowed to call the server (ATLASSIAN_MCP_ALLOWED_ORIGINS); none: only non-browser clients',
      ),
    allowedHosts: z
      .array(z.string())
      .default([])
      .describe('Host header names accepted besides the public URL host (ATLASSIAN_MCP_ALLOWED_HOSTS)'),
    redisUrl: secretRef
      .optional()
      .describe(
        'Where the Redis URL comes from (default env ATLASSIAN_MCP_REDIS_URL); none: state in memory (one replica)',
      ),
    vaultKeys: secretRef
      .optional()
      .describe(
        'Where the token-vault keys come from (default env ATLASSIAN_MCP_VAULT_KEYS): "id:base64key[,id:base64key…]", the first encrypts',
      ),
    accessTokenTtlSeconds: z
      .number()
      .int()
      .min(60)
      .max(86_400)
      .default(3600)
      .describe("Lifetime of the server's own access tokens"),
    refreshTokenTtlDays: z
      .number()
      .int()
      .min(1)
      .max(365)
      .default(30)
      .describe("Lifetime of the server's own refresh tokens"),
    maxBodyBytes: z
      .number()
      .int()
      .min(1024)
      .default(4 * 1024 * 1024)
      .describe('Largest request body accepted'),
    shutdownGraceMs: z
      .number()
      .int()
      .min(0)
      .default(25_000)
      .describe('How long a stopping server lets calls in flight finish'),
  })
  .strict();

/** The whole config file. */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    site: siteSchema.default({ apiGatewayUrl: 'https://api.atlassian.com', authUrl: 'https://auth.atlassian.com' }),
    auth: authSchema.default({
      type: 'auto',
      scopedToken: false,
      oauth: { redirectUri: 'http://localhost:8080/callback' },
      store: 'auto',
    }),
    plugins: z
      .record(z.string(), z.union([z.boolean(), z.record(z.string(), z.unknown())]))
      .optional()
      .describe('Plugin specifier (jira, an npm package, ./a/path.js) → its config, or false to disable'),
    readOnly: z.boolean().default(false).describe('Offer and allow only read tools'),
    toolsets: z.array(z.string()).optional().describe('default | all | <toolset> | <plugin>:<toolset> | <plugin>:all'),
    enabledTools: z
      .array(z.string())
      .default([])
      .describe(
        'Tools on regardless of toolsets (and the only way besides allowDestructive to enable a destructive one)',
      ),
    disabledTools: z.array(z.string()).default([]),
    allowDestructive: z.boolean().default(false).describe('Let destructive tools of enabled toolsets be offered'),
    allow: z
      .object({ projects: z.array(z.string()).optional(), spaces: z.array(z.string()).optional() })
      .strict()
      .default({}),
    rateLimit: rateLimitSchema.default({
      concurrency: 6,
      maxRetries: 4,
      baseDelayMs: 2000,
      maxDelayMs: 30000,
      maxWaitMs: 60000,
    }),
    http: httpSchema.default({ timeoutMs: 30000, connectTimeoutMs: 10000, debug: false }),
    audit: auditSchema.default({ enabled: true }),
    output: outputSchema.default({ maxChars: 24000, perTool: {} }),
    files: filesSchema.default({ enabled: true, allowedDirs: [], maxBytes: 10 * 1024 * 1024 }),
    hosted: hostedSchema
      .default({
        allowedOrigins: [],
        allowedHosts: [],
        accessTokenTtlSeconds: 3600,
        refreshTokenTtlDays: 30,
        maxBodyBytes: 4 * 1024 * 1024,
        shutdownGraceMs: 25_000,
      })
      .describe(
        'Hosted mode (`serve --http`): one server for a team, each user signed in with their own Atlassian account',
      ),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .strict();

/** The validated configuration. */
export type AtlassianMcpConfig = z.output<typeof configSchema>;
/** What a user writes. */
export type AtlassianMcpConfigInput = z.input<typeof configSchema>;

/** Identity helper that types a config file. */
export function defineConfig(config: AtlassianMcpConfigInput): AtlassianMcpConfigInput {
  return config;
}
