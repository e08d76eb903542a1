import type { MetadataCacheService, SiteService } from '../plugin-api/services.js';
import { MemoryStateStore } from '../state/memory-state-store.js';
import { StateMetadataCache } from '../state/metadata-cache.js';

/** The metadata cache core gives plugins, in memory, for unit tests of a plugin's services. */
export function memoryMetadataCache(site: Pick<SiteService, 'cacheKey'>): MetadataCacheService {
  return new StateMetadataCache(new MemoryStateStore(), site);
}
