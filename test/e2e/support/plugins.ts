import type { AtlassianMcpPlugin } from '@atlassian-mcp/core';
import confluencePlugin from '@atlassian-mcp/plugin-confluence';
import jiraPlugin from '@atlassian-mcp/plugin-jira';
import serviceDeskPlugin from '@atlassian-mcp/plugin-service-desk';

/**
 * Every first-party plugin the generic (every-tool) tests load. Add each new product plugin here:
 * the id-safety, fault-matrix and fuzz tests then cover its tools without further edits, and they
 * fail until its write tools have an example in `tool-samples.ts`.
 */
export const productPlugins: AtlassianMcpPlugin[] = [jiraPlugin, confluencePlugin, serviceDeskPlugin];
