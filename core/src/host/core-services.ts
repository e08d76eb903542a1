import type { DependencyContainer } from 'tsyringe';
import { coreServices } from '../plugin-api/tokens.js';
import { registerHttpAndAuth, type HttpAndAuthOverrides } from '../http/register.js';
import { RichText } from '../content/rich-text.js';
import { SiteInfo } from './site-service.js';
import { LocalFiles } from '../files/local-files.js';

/** Registers the services core provides to every plugin (singletons in the root container). */
export function registerCoreServices(root: DependencyContainer, overrides: HttpAndAuthOverrides = {}): void {
  registerHttpAndAuth(root, overrides);
  root.registerSingleton(coreServices.content, RichText);
  root.registerSingleton(coreServices.site, SiteInfo);
  root.registerSingleton(coreServices.files, LocalFiles);
}
