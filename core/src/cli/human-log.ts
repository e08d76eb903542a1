import { Writable } from 'node:stream';

const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warning',
  50: 'error',
  60: 'fatal',
};
const QUIET_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'v']);

/**
 * Log lines for a person at a terminal (`tools`, `doctor`, `login`): `atlassian-mcp: warning:
 * message (key=value)` on stderr instead of pino's JSON, which stays for `serve` (a client's log).
 * Fields come out of pino already redacted.
 */
export function humanLogStream(out: NodeJS.WritableStream = process.stderr): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of String(chunk).split('\n')) {
        if (!line.trim()) continue;
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line) as Record<string, unknown>;
        } catch {
          out.write(`${line}\n`);
          continue;
        }
        const extras = Object.entries(entry)
          .filter(([k]) => !QUIET_FIELDS.has(k))
          .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
        const level = LEVELS[entry.level as number] ?? 'log';
        out.write(
          `atlassian-mcp: ${level}: ${String(entry.msg ?? '')}${extras.length ? ` (${extras.join(', ')})` : ''}\n`,
        );
      }
      done();
    },
  });
}
