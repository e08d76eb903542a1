import * as z from 'zod';
import { pluginConfigToken } from '@atlassian-mcp/core';

/** The Jira plugin's config slice (`plugins.jira` in the config file). */
export const jiraConfigSchema = z
  .object({
    defaultProject: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/)
      .optional()
      .describe('Project key used when a tool is given none'),
    searchPageSize: z.number().int().min(1).max(100).default(20).describe('Default rows per jira_search page'),
    commentsShown: z.number().int().min(0).max(50).default(5).describe('Latest comments shown by jira_get_issue'),
  })
  .strict();

export type JiraConfig = z.output<typeof jiraConfigSchema>;

/** The parsed slice, injected with `@inject(jiraSettings)` (the host parses it once). */
export const jiraSettings = pluginConfigToken(jiraConfigSchema);
