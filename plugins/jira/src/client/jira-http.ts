import type { components } from '../generated/jira-platform.js';

/** Jira platform REST schemas, generated from the vendored spec subset. */
export type JiraSchemas = components['schemas'];

/** One request through core's Atlassian HTTP pipeline. */
export interface JiraRequest {
  product: 'jira';
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | string[] | undefined>;
  body?: unknown;
  idempotent?: boolean;
  /** Lets core space writes to one issue (Atlassian's per-issue write limit). */
  issueKey?: string;
  /** How the body is decoded (default JSON). */
  responseType?: 'json' | 'text' | 'bytes';
}

/** What core's pipeline answers; failures arrive as core error classes, never here. */
export interface JiraResponse<T> {
  status: number;
  headers: Headers;
  data: T;
}

/** The slice of core's `AtlassianHttp` the Jira client layer uses. */
export interface JiraHttp {
  request<T>(request: JiraRequest): Promise<JiraResponse<T>>;
}

/** Builds a REST path, percent-encoding every interpolated value. */
export function jiraPath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? encodeURIComponent(String(values[i])) : ''), '');
}
