// The sandbox's data: one Atlassian site (cloudId, name) with its products' stores.
import type { JiraData } from './jira/model.js';
import { JiraStore } from './jira/store.js';

export const SNAPSHOT_FORMAT = 'atlassian-mcp-sandbox/1';

/** Everything the site holds, as JSON. `startSandbox({ seed })` and `loadSnapshot()` take it. */
export interface SandboxSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  jira: JiraData;
}

export class Site {
  readonly jira: JiraStore;
  private initial: SandboxSnapshot;

  constructor(
    readonly cloudId: string,
    readonly siteName: string,
    snapshot: SandboxSnapshot,
    readonly now: () => number,
  ) {
    checkSnapshot(snapshot);
    this.initial = snapshot;
    this.jira = new JiraStore(snapshot.jira);
  }

  /** Back to the state the site started from (or was last loaded with). */
  reset(): void {
    this.jira.load(this.initial.jira);
  }

  snapshot(): SandboxSnapshot {
    return { format: SNAPSHOT_FORMAT, jira: this.jira.snapshot() };
  }

  /** Replaces the data; later `reset()`s return to this snapshot. */
  load(snapshot: SandboxSnapshot): void {
    checkSnapshot(snapshot);
    this.initial = snapshot;
    this.reset();
  }
}

function checkSnapshot(s: SandboxSnapshot): void {
  if (!s || s.format !== SNAPSHOT_FORMAT || !s.jira) {
    throw new Error(`not a sandbox snapshot (expected format "${SNAPSHOT_FORMAT}")`);
  }
}
