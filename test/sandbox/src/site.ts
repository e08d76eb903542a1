// The sandbox's data: one Atlassian site (cloudId, name) with its products' stores.
import { emptyAssetsData, type AssetsData } from './assets/model.js';
import { AssetsStore } from './assets/store.js';
import { emptyConfluenceData, type ConfluenceData } from './confluence/model.js';
import { ConfluenceStore } from './confluence/store.js';
import type { JiraData } from './jira/model.js';
import { JiraStore } from './jira/store.js';
import { registerJsmFields } from './jsm/jira-fields.js';
import { emptyJsmData, type JsmData } from './jsm/model.js';
import { confluenceKnowledgeBase } from './jsm/kb/source.js';
import { JsmStore } from './jsm/store.js';

export const SNAPSHOT_FORMAT = 'atlassian-mcp-sandbox/1';

/** Everything the site holds, as JSON. `startSandbox({ seed })` and `loadSnapshot()` take it. */
export interface SandboxSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  jira: JiraData;
  /** Absent in snapshots made before Confluence existed: an empty Confluence site. */
  confluence?: ConfluenceData;
  /** Jira Service Management (absent: no service desks). */
  jsm?: JsmData;
  /** The Assets workspace (absent: Assets not enabled). */
  assets?: AssetsData;
}

export class Site {
  readonly jira: JiraStore;
  /** Confluence's store; its users are the Jira store's (one site, one directory). */
  readonly confluence: ConfluenceStore;
  readonly jsm: JsmStore;
  readonly assets: AssetsStore;
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
    this.confluence = new ConfluenceStore(snapshot.confluence ?? emptyConfluenceData(), () => this.jira.users);
    this.jsm = new JsmStore(snapshot.jsm ?? emptyJsmData(), this.jira);
    this.jsm.knowledgeBase = confluenceKnowledgeBase(this.jsm, this.confluence);
    this.assets = new AssetsStore(snapshot.assets ?? emptyAssetsData());
    registerJsmFields(this);
  }

  /** Back to the state the site started from (or was last loaded with). */
  reset(): void {
    this.jira.load(this.initial.jira);
    this.confluence.load(this.initial.confluence ?? emptyConfluenceData());
    this.jsm.load(this.initial.jsm ?? emptyJsmData());
    this.assets.load(this.initial.assets ?? emptyAssetsData());
  }

  snapshot(): SandboxSnapshot {
    return {
      format: SNAPSHOT_FORMAT,
      jira: this.jira.snapshot(),
      confluence: this.confluence.snapshot(),
      ...(this.jsm.desks.size || this.jsm.organizations.size ? { jsm: this.jsm.snapshot() } : {}),
      ...(this.assets.enabled ? { assets: this.assets.snapshot() } : {}),
    };
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
