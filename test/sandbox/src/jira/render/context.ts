// What every renderer needs: the store, the `self` link prefix and who is looking.
import type { JiraStore } from '../store.js';

export interface RenderCtx {
  store: JiraStore;
  /** `http://host:port` or `http://host:port/ex/jira/<cloudId>` — prefix of `self` links. */
  base: string;
  viewer: string;
}
