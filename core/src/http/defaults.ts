import { container as globalContainer, instancePerContainerCachingFactory, type DependencyContainer } from 'tsyringe';
import type { AtlassianMcpConfig } from '@atlassian-mcp/config';
import type { Logger } from '../logging/logger.js';
import { coreServices } from '../plugin-api/tokens.js';
import { authServices, defaultOpenBrowser, stderrNotice } from '../auth/tokens.js';
import { createCredentialStore } from '../auth/create-credential-store.js';
import { globalFetch, httpServices } from './tokens.js';

/**
 * Default registrations of the extra HTTP/auth tokens (fetch, credential store, browser, notice,
 * env) on tsyringe's global container. Every root container is a child of it, so a host only has to
 * register `AtlassianHttp` and `AuthService`; `registerHttpAndAuth` overrides these per container.
 * The credential store is built once per resolving container, from that container's config.
 */
export function registerHttpAndAuthDefaults(target: DependencyContainer = globalContainer): void {
  const ifMissing = (token: symbol, register: () => void) => {
    if (!target.isRegistered(token)) register();
  };
  ifMissing(httpServices.fetch, () => target.register(httpServices.fetch, { useValue: globalFetch }));
  ifMissing(authServices.env, () => target.register(authServices.env, { useValue: process.env }));
  ifMissing(authServices.openBrowser, () => target.register(authServices.openBrowser, { useValue: defaultOpenBrowser }));
  ifMissing(authServices.notice, () => target.register(authServices.notice, { useValue: stderrNotice }));
  ifMissing(authServices.credentialStore, () =>
    target.register(authServices.credentialStore, {
      useFactory: instancePerContainerCachingFactory((c) =>
        createCredentialStore(c.resolve<Readonly<AtlassianMcpConfig>>(coreServices.rootConfig).auth, c.resolve<Logger>(coreServices.logger), c.resolve<NodeJS.ProcessEnv>(authServices.env)),
      ),
    }),
  );
}

registerHttpAndAuthDefaults();
