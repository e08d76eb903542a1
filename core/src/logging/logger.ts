import pino from 'pino';

/** The logger type plugins receive (pino). */
export type Logger = pino.Logger;

/**
 * Every path under which a secret could ever be logged. pino's `*.x` matches one level only,
 * so nested shapes are listed explicitly (and the test logs nested objects to prove it).
 */
export const REDACT_PATHS = [
  'authorization',
  'Authorization',
  'password',
  'token',
  'apiToken',
  'api_token',
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'client_secret',
  'clientSecret',
  'code_verifier',
  'code',
  '*.authorization',
  '*.Authorization',
  '*.password',
  '*.token',
  '*.apiToken',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.client_secret',
  '*.clientSecret',
  '*.code_verifier',
  'headers.authorization',
  'headers.Authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.headers.authorization',
  '*.headers.Authorization',
  '*.headers.cookie',
  'tokens.*',
  '*.tokens.*',
  'credentials.*',
  '*.credentials.*',
  'auth.apiToken',
  'auth.oauth.clientSecret',
  'config.auth.apiToken',
  'config.auth.oauth.clientSecret',
  // Two levels down (e.g. `{ session: { tokens: … } }`, `{ err: { request: { headers } } }`).
  '*.*.authorization',
  '*.*.Authorization',
  '*.*.password',
  '*.*.token',
  '*.*.apiToken',
  '*.*.accessToken',
  '*.*.refreshToken',
  '*.*.access_token',
  '*.*.refresh_token',
  '*.*.client_secret',
  '*.*.clientSecret',
  '*.*.code_verifier',
  '*.*.headers.authorization',
  '*.*.headers.Authorization',
];

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  level?: string;
  /** Destination file descriptor or stream; stderr (2) unless a test captures it. */
  destination?: number | NodeJS.WritableStream;
}

/** Creates the root logger: JSON lines on stderr, secrets redacted. Never stdout. */
export function createLogger(options: LoggerOptions = {}): Logger {
  // The level comes from the config (ATLASSIAN_MCP_LOG_LEVEL is applied by the config overlay).
  const level = options.level ?? 'info';
  const dest = options.destination ?? 2;
  const stream = typeof dest === 'number' ? pino.destination({ dest, sync: true }) : dest;
  return pino(
    { level, base: { name: 'atlassian-mcp' }, redact: { paths: REDACT_PATHS, censor: '[REDACTED]' } },
    stream,
  );
}

/**
 * A child logger created on first use. A pino child costs more than most tool calls' own work
 * (bindings serialised, redaction set up), and most calls never log.
 */
export function lazyChild(parent: Logger, bindings: Record<string, unknown>): Logger {
  let child: Logger | undefined;
  const real = () => (child ??= parent.child(bindings));
  return new Proxy({} as Logger, {
    get(_target, prop) {
      const value = Reflect.get(real(), prop) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real()) : value;
    },
    set(_target, prop, value) {
      return Reflect.set(real(), prop, value);
    },
  });
}
