// The example configuration: copy it next to where you run atlassian-mcp and edit.
// Secrets never go here: they come from the environment (or the credential store after `atlassian-mcp login`).
import { defineConfig } from '@atlassian-mcp/config';

export default defineConfig({
  // Or set ATLASSIAN_SITE_URL.
  site: { url: process.env.ATLASSIAN_SITE_URL ?? 'https://your-domain.atlassian.net' },
  // auto: API token when ATLASSIAN_EMAIL + ATLASSIAN_API_TOKEN are set, else OAuth 2.0 (ATLASSIAN_CLIENT_ID / ATLASSIAN_CLIENT_SECRET).
  auth: { type: 'auto' },
  plugins: {
    jira: { defaultProject: undefined },
    confluence: { defaultSpace: undefined },
    // internalOnly: true refuses public (customer-visible) comments and attachments.
    'service-desk': { internalOnly: false },
  },
  // default = each plugin's default toolsets; add e.g. 'jira:agile', 'confluence:versions', or 'all'.
  toolsets: ['default'],
  readOnly: false,
  allowDestructive: false,
  output: { maxChars: 24000 },
});
