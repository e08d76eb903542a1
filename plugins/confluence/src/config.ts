import * as z from 'zod';
import { pluginConfigToken } from '@atlassian-mcp/core';

/** The Confluence plugin's config slice (`plugins.confluence` in the config file). */
export const confluenceConfigSchema = z
  .object({
    defaultSpace: z
      .string()
      .regex(/^~?[A-Za-z0-9_-]+$/)
      .optional()
      .describe('Space key used when a tool is given none'),
    searchPageSize: z.number().int().min(1).max(50).default(10).describe('Default results per confluence_search page'),
    maxUploadBytes: z
      .number()
      .int()
      .min(1)
      .max(100 * 1024 * 1024)
      .default(10 * 1024 * 1024)
      .describe('Largest attachment upload accepted'),
  })
  .strict();

export type ConfluenceConfig = z.output<typeof confluenceConfigSchema>;

/** The parsed slice, injected with `@inject(confluenceSettings)` (the host parses it once). */
export const confluenceSettings = pluginConfigToken(confluenceConfigSchema);
