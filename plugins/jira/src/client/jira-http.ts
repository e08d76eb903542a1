import type { HttpService } from '@atlassian-mcp/core';
import type { components } from '../generated/jira-platform.js';

/** Jira platform REST schemas, generated from the vendored spec subset. */
export type JiraSchemas = components['schemas'];

/** Core's HTTP pipeline, as the Jira client layer sees it (one request path, errors thrown). */
export type JiraHttp = HttpService;
