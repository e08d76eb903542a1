import type { DependencyContainer } from 'tsyringe';
import { coreServices } from '../plugin-api/tokens.js';
import { AtlassianHttp } from '../http/atlassian-http.js';
import { AuthService } from '../auth/auth-service.js';
import { RichText } from '../content/rich-text.js';

/** Registers the services core provides to every plugin (singletons in the root container). */
export function registerCoreServices(root: DependencyContainer): void {
  root.registerSingleton(coreServices.auth, AuthService);
  root.registerSingleton(coreServices.http, AtlassianHttp);
  root.registerSingleton(coreServices.content, RichText);
}
