import type { LoadedConfig } from '@atlassian-mcp/config';
import type { AtlassianMcpHost } from '../host/host.js';
import { internalServices } from '../host/internal-services.js';
import { printErr, printOut } from './output.js';

interface LoginCapable {
  login?(options: { scopes: string[] }): Promise<{ site?: string; account?: string } | void>;
  logout?(): Promise<void>;
}

/** Scopes the enabled tools need (least privilege), plus offline_access for refresh tokens. */
export function requiredScopes(host: AtlassianMcpHost): string[] {
  return [...new Set([...host.enabledTools().flatMap((t) => t.meta.scopes), 'offline_access'])].sort();
}

export async function runLogin(_loaded: LoadedConfig, host: AtlassianMcpHost): Promise<number> {
  const auth = host.root.resolve(internalServices.auth) as LoginCapable;
  if (typeof auth.login !== 'function') {
    printErr('OAuth login is not available in this build.');
    return 1;
  }
  const result = await auth.login({ scopes: requiredScopes(host) });
  printOut(
    `Signed in${result && result.account ? ` as ${result.account}` : ''}${result && result.site ? ` to ${result.site}` : ''}.`,
  );
  return 0;
}

export async function runLogout(_loaded: LoadedConfig, host: AtlassianMcpHost): Promise<number> {
  const auth = host.root.resolve(internalServices.auth) as LoginCapable;
  if (typeof auth.logout !== 'function') {
    printErr('Nothing to log out of.');
    return 1;
  }
  const signedIn = host.auth().method() === 'oauth' && (await host.auth().isAuthenticated());
  await auth.logout();
  printOut(
    signedIn ? 'Signed out; the stored tokens were removed.' : 'Not signed in: there were no stored tokens to remove.',
  );
  return 0;
}
