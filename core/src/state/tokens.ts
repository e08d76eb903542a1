import { createServiceToken } from '../plugin-api/tokens.js';
import type { StateStore } from './state-store.js';

/** Core's own services of the state layer (plugins see only `coreServices.cache`). */
export const stateServices = {
  /** The state store: memory by default; the hosted server registers its own (Redis when configured). */
  store: createServiceToken<StateStore>('core.state.store'),
} as const;
