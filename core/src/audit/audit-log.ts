import { appendFileSync, chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';

/** One audited write: what, to what, how it ended, how long it took. Never bodies or secrets. */
export interface AuditRecord {
  time: string;
  requestId: string;
  tool: string;
  site?: string;
  target?: string;
  outcome: 'ok' | 'error' | 'refused';
  error?: string;
  durationMs: number;
}

/** Default location: `$XDG_STATE_HOME/atlassian-mcp/audit.jsonl` (or `~/.local/state/...`). */
export function defaultAuditFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return join(base, 'atlassian-mcp', 'audit.jsonl');
}

/** Appends JSON lines to a file created with mode 0600 (its directory 0700). */
export class AuditLog {
  private ready = false;
  constructor(readonly file: string | undefined) {}

  write(record: AuditRecord): void {
    if (!this.file) return;
    if (!this.ready) {
      mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
      closeSync(openSync(this.file, 'a', 0o600));
      chmodSync(this.file, 0o600);
      this.ready = true;
    }
    // Synchronous append: a write that happened is on disk before the tool result goes out.
    appendFileSync(this.file, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  }
}

const TARGET_KEYS = [
  'issueKey',
  'issueIdOrKey',
  'key',
  'pageId',
  'projectKey',
  'spaceKey',
  'requestKey',
  'sprintId',
  'boardId',
  'id',
];

/** The first identifying argument of a call, for the audit record. */
export function defaultTarget(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const rec = input as Record<string, unknown>;
  for (const k of TARGET_KEYS) {
    const v = rec[k];
    if (typeof v === 'string' || typeof v === 'number') return String(v).slice(0, 200);
  }
  return undefined;
}
