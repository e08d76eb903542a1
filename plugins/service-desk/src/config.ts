import * as z from 'zod';
import { pluginConfigToken } from '@atlassian-mcp/core';

/** The Service Management plugin's config slice (`plugins.service-desk` in the config file). */
export const serviceDeskConfigSchema = z
  .object({
    internalOnly: z
      .boolean()
      .default(false)
      .describe('Refuse public (customer-visible) comments and attachments: agents-only notes'),
    pageSize: z.number().int().min(1).max(100).default(20).describe('Default rows per list page'),
    assetsWorkspaceId: z
      .string()
      .regex(/^[\w-]+$/)
      .optional()
      .describe('Assets workspace id (found through the servicedeskapi when not set)'),
  })
  .strict();

export type ServiceDeskConfig = z.output<typeof serviceDeskConfigSchema>;

/** The parsed slice, injected with `@inject(serviceDeskSettings)` (the host parses it once). */
export const serviceDeskSettings = pluginConfigToken(serviceDeskConfigSchema);
