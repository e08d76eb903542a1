import { instanceCachingFactory, type DependencyContainer } from 'tsyringe';
import { coreServices } from '../plugin-api/tokens.js';
import { registerHttpAndAuth, type HttpAndAuthOverrides } from '../http/register.js';
import { RichText } from '../content/rich-text.js';
import { SiteInfo } from './site-service.js';
import { LocalFiles } from '../files/local-files.js';
import type { SiteService } from '../plugin-api/services.js';
import { MemoryStateStore } from '../state/memory-state-store.js';
import { StateMetadataCache } from '../state/metadata-cache.js';
import type { StateStore } from '../state/state-store.js';
import { stateServices } from '../state/tokens.js';

/** Registers the services core provides to every plugin (singletons in the root container). */
export function registerCoreServices(root: DependencyContainer, overrides: HttpAndAuthOverrides = {}): void {
  registerHttpAndAuth(root, overrides);
  root.registerSingleton(coreServices.content, RichText);
  root.registerSingleton(coreServices.site, SiteInfo);
  root.registerSingleton(coreServices.files, LocalFiles);
  // Metadata caches on the state store: this process's memory unless the host registers another.
  root.register(stateServices.store, { useFactory: instanceCachingFactory(() => new MemoryStateStore()) });
  root.register(coreServices.cache, {
    useFactory: instanceCachingFactory(
      (c) =>
        new StateMetadataCache(c.resolve<StateStore>(stateServices.store), c.resolve<SiteService>(coreServices.site)),
    ),
  });
}
