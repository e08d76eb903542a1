import { definePlugin, PLUGIN_API_VERSION } from '../plugin-api/plugin.js';
import { AuthenticationTools } from '../auth/authentication-tools.js';

/** Core's own contributions (the `authenticate_atlassian` tool), loaded like any plugin. */
export const builtinPlugin = definePlugin({
  id: 'core',
  apiVersion: PLUGIN_API_VERSION,
  toolPrefix: '',
  description: 'atlassian-mcp core',
  defaultToolsets: ['auth'],
  toolsets: { auth: 'Sign in to Atlassian with OAuth 2.0 from the client' },
  toolProviders: [AuthenticationTools],
});
