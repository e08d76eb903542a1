import { Writable } from 'node:stream';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { configSchema, type AtlassianMcpConfig, type AtlassianMcpConfigInput } from '@atlassian-mcp/config';
import { createLogger, type Logger } from '../../src/logging/logger.js';
import type { RequestAuthorization, RequestAuthorizer } from '../../src/http/request-auth.js';
import type { Product } from '../../src/http/types.js';

/** A validated config with fast retries unless the test says otherwise. */
export function testConfig(input: Partial<AtlassianMcpConfigInput> = {}): AtlassianMcpConfig {
  return configSchema.parse({
    site: { url: 'https://acme.atlassian.net' },
    ...input,
    rateLimit: { concurrency: 4, maxRetries: 3, baseDelayMs: 5, maxDelayMs: 50, maxWaitMs: 10_000, ...input.rateLimit },
    http: { timeoutMs: 5_000, connectTimeoutMs: 1_000, ...input.http },
  });
}

/** A logger whose JSON lines are kept in `lines` (and `text`). */
export function captureLogger(level = 'debug'): {
  logger: Logger;
  lines: () => Array<Record<string, unknown>>;
  text: () => string;
} {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString('utf8'));
      cb();
    },
  });
  const logger = createLogger({ level, destination: stream });
  const text = () => chunks.join('');
  return {
    logger,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** A fixed-credential authorizer; `refreshTo` makes a 401 hand out a new token once. */
export class FakeAuthorizer implements RequestAuthorizer {
  token = 'token-1';
  unauthorizedCalls = 0;
  constructor(
    private readonly baseUrl: string,
    private readonly refreshTo?: string,
  ) {}
  async authorize(_product: Product): Promise<RequestAuthorization> {
    return {
      baseUrl: this.baseUrl,
      headers: { Authorization: `Bearer ${this.token}` },
      siteKey: this.baseUrl,
      credentialId: this.token,
    };
  }
  async onUnauthorized(credentialId: string): Promise<boolean> {
    this.unauthorizedCalls++;
    if (!this.refreshTo || credentialId !== this.token) return false;
    this.token = this.refreshTo;
    return true;
  }
}

/** A loopback HTTP server for behaviour nock cannot fake (hangs, dropped connections, real concurrency). */
export async function startServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
