import { instanceCachingFactory, type DependencyContainer } from 'tsyringe';
import type { AtlassianMcpConfig } from '@atlassian-mcp/config';
import type { Logger } from '../logging/logger.js';
import { coreServices } from '../plugin-api/tokens.js';
import { AuthService } from '../auth/auth-service.js';
import {
  authServices,
  defaultOpenBrowser,
  stderrNotice,
  type BrowserOpener,
  type NoticeWriter,
} from '../auth/tokens.js';
import { createCredentialStore } from '../auth/create-credential-store.js';
import type { CredentialStore } from '../auth/credential-store.js';
import { AtlassianHttp } from './atlassian-http.js';
import { httpServices } from './tokens.js';
import { proxyAwareFetch } from './dispatcher.js';
import type { FetchLike } from './types.js';
import { localSiteLimits } from './site-limiter.js';

/** Replacements for the defaults (tests, the sandbox's in-process fetch). */
export interface HttpAndAuthOverrides {
  fetch?: FetchLike;
  credentialStore?: CredentialStore;
  openBrowser?: BrowserOpener;
  notice?: NoticeWriter;
  env?: NodeJS.ProcessEnv;
}

/**
 * Registers `coreServices.http` (AtlassianHttp) and `coreServices.auth` (AuthService) as
 * singletons, plus what they need: fetch, the credential store (from `auth.store`), the browser
 * opener, the stderr notice writer and the environment. `coreServices.rootConfig` and
 * `coreServices.logger` must already be registered.
 */
export function registerHttpAndAuth(container: DependencyContainer, overrides: HttpAndAuthOverrides = {}): void {
  const env = overrides.env ?? process.env;
  container.register(httpServices.fetch, {
    useFactory: instanceCachingFactory(
      (c) =>
        overrides.fetch ?? proxyAwareFetch(c.resolve<Readonly<AtlassianMcpConfig>>(coreServices.rootConfig).http, env),
    ),
  });
  container.register(httpServices.siteLimits, { useValue: localSiteLimits });
  container.register(authServices.env, { useValue: env });
  container.register(authServices.openBrowser, { useValue: overrides.openBrowser ?? defaultOpenBrowser });
  container.register(authServices.notice, { useValue: overrides.notice ?? stderrNotice });
  container.register(authServices.credentialStore, {
    useFactory: instanceCachingFactory(
      (c) =>
        overrides.credentialStore ??
        createCredentialStore(
          c.resolve<Readonly<AtlassianMcpConfig>>(coreServices.rootConfig).auth,
          c.resolve<Logger>(coreServices.logger),
          env,
        ),
    ),
  });
  container.registerSingleton(coreServices.auth, AuthService);
  container.registerSingleton(coreServices.http, AtlassianHttp);
}
