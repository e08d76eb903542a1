import { definePlugin, PLUGIN_API_VERSION } from '../plugin-api/plugin.js';

/** Core's own contributions (authentication tool, file prompts), loaded like any plugin. */
export const builtinPlugin = definePlugin({
  id: 'core',
  apiVersion: PLUGIN_API_VERSION,
  toolPrefix: '',
  description: 'atlassian-mcp core',
  defaultToolsets: ['auth'],
  toolProviders: [],
  promptProviders: [],
});
