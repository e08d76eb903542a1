export { StateUnavailableError, type StateStore, type SetOptions, type Spacing } from './state-store.js';
export { MemoryStateStore } from './memory-state-store.js';
export { RedisStateStore, type RedisStateStoreOptions } from './redis-state-store.js';
export { StateMetadataCache } from './metadata-cache.js';
export { stateServices } from './tokens.js';
