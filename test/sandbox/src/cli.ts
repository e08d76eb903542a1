#!/usr/bin/env node
// `atlassian-mcp-sandbox` — runs the sandbox site on loopback and prints its URL and
// credentials (that is this command's output). Ctrl-C stops it.
import { parseArgs } from 'node:util';
import type { FaultSpec, RateLimitReason } from './core/faults.js';
import { startSandbox } from './index.js';

const HELP = `Usage: atlassian-mcp-sandbox [options]

Runs a local stand-in for an Atlassian Cloud site (Jira + Jira Software, Basic and OAuth 2.0
auth, the API gateway) and prints its URL and credentials.

Options:
  --port <n>               Port to listen on (default 0 = any free port)
  --host <addr>            Interface (default 127.0.0.1)
  --seed <default|empty|file.json>
                           Starting data (default: the seeded company)
  --token-ttl <seconds>    Lifetime of OAuth access tokens (default 3600)
  --json                   Print the connection details as one JSON line
  --no-validate            Do not validate requests against the OpenAPI specs

Faults (repeatable; see also POST /__sandbox/faults):
  --rate-limit-every <n>   Answer every Nth API request with 429
  --rate-limit-storm <s>   Answer every API request with 429 for s seconds
  --rate-limit-reason <r>  jira-burst-based (default), jira-quota-global-based,
                           jira-quota-tenant-based, jira-per-issue-on-write
  --retry-after <s>        Retry-After of those 429s (default 1)
  --error-every <n>        Answer every Nth API request with --error-status
  --error-status <code>    Status for --error-every (default 503)
  --latency <ms>           Add latency to every API request
  --hang-every <n>         Never answer every Nth API request
  --malformed-every <n>    Cut the JSON body of every Nth API response in half
  --expire-token-every <n> Treat the bearer token of every Nth request as expired
  --burst-limits           Enforce Atlassian's per-endpoint burst limits (GET/POST 100/s, PUT/DELETE 50/s)
  --fault <json>           Any fault rule as JSON, e.g. '{"type":"status","status":500,"match":{"method":"POST"}}'
  -h, --help               This help
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      'token-ttl': { type: 'string' },
      json: { type: 'boolean' },
      'no-validate': { type: 'boolean' },
      'rate-limit-every': { type: 'string' },
      'rate-limit-storm': { type: 'string' },
      'rate-limit-reason': { type: 'string' },
      'retry-after': { type: 'string' },
      'error-every': { type: 'string' },
      'error-status': { type: 'string' },
      latency: { type: 'string' },
      'hang-every': { type: 'string' },
      'malformed-every': { type: 'string' },
      'expire-token-every': { type: 'string' },
      fault: { type: 'string', multiple: true },
      'burst-limits': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const num = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number ≥ 0 (got "${v}")`);
    return n;
  };
  const faults: FaultSpec[] = [];
  const reason = values['rate-limit-reason'] as RateLimitReason | undefined;
  const retryAfter = num('retry-after', values['retry-after']);
  const every = num('rate-limit-every', values['rate-limit-every']);
  if (every) faults.push({ type: 'rateLimit', every, reason, retryAfter });
  const storm = num('rate-limit-storm', values['rate-limit-storm']);
  if (storm) faults.push({ type: 'rateLimit', forSeconds: storm, reason, retryAfter });
  const errEvery = num('error-every', values['error-every']);
  if (errEvery)
    faults.push({
      type: 'status',
      status: num('error-status', values['error-status']) ?? 503,
      every: errEvery,
      retryAfter,
    });
  const latency = num('latency', values.latency);
  if (latency) faults.push({ type: 'latency', ms: latency });
  const hang = num('hang-every', values['hang-every']);
  if (hang) faults.push({ type: 'hang', every: hang });
  const malformed = num('malformed-every', values['malformed-every']);
  if (malformed) faults.push({ type: 'malformedJson', every: malformed });
  const expire = num('expire-token-every', values['expire-token-every']);
  if (expire) faults.push({ type: 'expiredToken', every: expire });
  for (const f of values.fault ?? []) faults.push(JSON.parse(f) as FaultSpec);

  const sb = await startSandbox({
    port: num('port', values.port) ?? 0,
    host: values.host,
    seed: values.seed,
    accessTokenTtl: num('token-ttl', values['token-ttl']),
    validateRequests: !values['no-validate'],
    burstLimits: values['burst-limits'] ?? false,
    faults,
  });
  const c = sb.credentials;
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ url: sb.url, gatewayUrl: sb.gatewayUrl, confluenceGatewayUrl: sb.confluenceGatewayUrl, cloudId: c.cloudId, email: c.email, apiToken: c.apiToken, oauth: c.oauth })}\n`,
    );
  } else {
    process.stdout.write(
      [
        `Atlassian sandbox site running at ${sb.url}`,
        '',
        `  site URL       ${sb.url}`,
        `  API gateway    ${sb.gatewayUrl}`,
        `  Confluence     ${sb.url}/wiki  (gateway ${sb.confluenceGatewayUrl})`,
        `  auth server    ${sb.url}  (/authorize, /oauth/token; redirects to any http://localhost or 127.0.0.1 callback)`,
        `  cloudId        ${c.cloudId}`,
        '',
        `  email          ${c.email}`,
        `  API token      ${c.apiToken}`,
        `  OAuth client   ${c.oauth.clientId} / ${c.oauth.clientSecret}`,
        '',
        `  Try: curl -u '${c.email}:${c.apiToken}' ${sb.url}/rest/api/3/myself`,
        `       curl -u '${c.email}:${c.apiToken}' '${sb.url}/wiki/rest/api/search?cql=type=page'`,
        `  Admin: ${sb.url}/__sandbox  (faults: POST /__sandbox/faults, log: GET /__sandbox/requests)`,
        faults.length ? `  Faults active: ${faults.map((f) => f.type).join(', ')}` : '',
        '',
      ].join('\n'),
    );
  }
  const stop = () => {
    void sb.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`atlassian-mcp-sandbox: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
