#!/usr/bin/env node
// Vendors the subset of Atlassian's Jira OpenAPI specs this plugin calls, then generates types
// (the shared implementation is scripts/prune-spec.mjs at the top of the repository).
// Usage: node plugins/jira/scripts/prune-spec.mjs [specsDir]   (default: ../shared/specs)
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specsDirFrom, vendorSpec } from '../../../scripts/prune-spec.mjs';

const pluginDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const specsDir = specsDirFrom(process.argv, pluginDir);

const platformOps = {
  '/rest/api/3/search/jql': ['get'],
  '/rest/api/3/search/approximate-count': ['post'],
  '/rest/api/3/issue': ['post'],
  '/rest/api/3/issue/bulk': ['post'],
  '/rest/api/3/issue/{issueIdOrKey}': ['get', 'put', 'delete'],
  '/rest/api/3/issue/{issueIdOrKey}/assignee': ['put'],
  '/rest/api/3/issue/{issueIdOrKey}/transitions': ['get', 'post'],
  '/rest/api/3/issue/{issueIdOrKey}/editmeta': ['get'],
  '/rest/api/3/issue/{issueIdOrKey}/comment': ['get', 'post'],
  '/rest/api/3/issue/{issueIdOrKey}/comment/{id}': ['get', 'put', 'delete'],
  '/rest/api/3/issue/{issueIdOrKey}/worklog': ['get', 'post'],
  '/rest/api/3/issue/{issueIdOrKey}/worklog/{id}': ['delete'],
  '/rest/api/3/issue/{issueIdOrKey}/watchers': ['get', 'post', 'delete'],
  '/rest/api/3/issue/{issueIdOrKey}/changelog': ['get'],
  '/rest/api/3/issue/{issueIdOrKey}/remotelink': ['get', 'post'],
  '/rest/api/3/issue/{issueIdOrKey}/attachments': ['post'],
  '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes': ['get'],
  '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}': ['get'],
  '/rest/api/3/issueLink': ['post'],
  '/rest/api/3/issueLink/{linkId}': ['get', 'delete'],
  '/rest/api/3/issueLinkType': ['get'],
  '/rest/api/3/attachment/{id}': ['get', 'delete'],
  '/rest/api/3/attachment/content/{id}': ['get'],
  '/rest/api/3/myself': ['get'],
  '/rest/api/3/user/search': ['get'],
  '/rest/api/3/user/assignable/search': ['get'],
  '/rest/api/3/project/search': ['get'],
  '/rest/api/3/project/{projectIdOrKey}': ['get'],
  '/rest/api/3/project/{projectIdOrKey}/components': ['get'],
  '/rest/api/3/project/{projectIdOrKey}/versions': ['get'],
  '/rest/api/3/version': ['post'],
  '/rest/api/3/version/{id}': ['put'],
  '/rest/api/3/component': ['post'],
  '/rest/api/3/field': ['get'],
  '/rest/api/3/field/search': ['get'],
};

const agileOps = {
  '/rest/agile/1.0/board': ['get'],
  '/rest/agile/1.0/board/{boardId}/sprint': ['get'],
  '/rest/agile/1.0/board/{boardId}/issue': ['get'],
  '/rest/agile/1.0/board/{boardId}/backlog': ['get'],
  '/rest/agile/1.0/board/{boardId}/epic': ['get'],
  '/rest/agile/1.0/sprint': ['post'],
  '/rest/agile/1.0/sprint/{sprintId}': ['get', 'post'],
  '/rest/agile/1.0/sprint/{sprintId}/issue': ['get', 'post'],
  '/rest/agile/1.0/backlog/issue': ['post'],
  '/rest/agile/1.0/epic/{epicIdOrKey}/issue': ['get'],
  '/rest/agile/1.0/issue/rank': ['put'],
};

const jira = { specsDir, pluginDir };
vendorSpec({
  ...jira,
  file: 'jira-platform-v3.openapi.json',
  ops: platformOps,
  outName: 'jira-platform.subset.json',
  typesName: 'jira-platform.ts',
});
vendorSpec({
  ...jira,
  file: 'jira-software-agile.openapi.json',
  ops: agileOps,
  outName: 'jira-agile.subset.json',
  typesName: 'jira-agile.ts',
});
