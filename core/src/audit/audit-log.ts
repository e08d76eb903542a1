import { appendFileSync, chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';
import { collectTargets } from '../policy/targets.js';

/** One audited write: what, to what, how it ended, how long it took. Never bodies or secrets. */
export interface AuditRecord {
  time: string;
  requestId: string;
  tool: string;
  site?: string;
  /** Who made the call (hosted mode: the signed-in user's Atlassian account). */
  user?: string;
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

/**
 * What a call acts on, for the audit record: the tool's own `target` function, else the first
 * reference its plugin declared in `targets` (never guessed from argument names).
 */
export function auditTarget(
  meta: { target?: (input: never) => string | undefined; targets?: Record<string, string> },
  input: unknown,
): string | undefined {
  const explicit = meta.target?.(input as never);
  const first = explicit ?? collectTargets(input, meta.targets)[0]?.value;
  return first === undefined ? undefined : String(first).slice(0, 200);
}
