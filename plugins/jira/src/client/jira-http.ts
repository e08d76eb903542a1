import type { AtlassianHttp } from '@atlassian-mcp/core';
import type { components } from '../generated/jira-platform.js';

/** Jira platform REST schemas, generated from the vendored spec subset. */
export type JiraSchemas = components['schemas'];

/** The slice of core's `AtlassianHttp` the Jira client layer uses (one request path, errors thrown). */
export type JiraHttp = Pick<AtlassianHttp, 'request'>;

/** Builds a REST path, percent-encoding every interpolated value. */
export function jiraPath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return strings.reduce(
    (out, part, i) => out + part + (i < values.length ? encodeURIComponent(String(values[i])) : ''),
    '',
  );
}
