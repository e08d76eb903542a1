#!/usr/bin/env node
// Vendors the subset of Atlassian's Confluence OpenAPI specs (v2, and the v1 pieces v2 lacks) this
// plugin calls, then generates types (the shared implementation is scripts/prune-spec.mjs at the
// top of the repository).
// Usage: node plugins/confluence/scripts/prune-spec.mjs [specsDir]   (default: ../shared/specs)
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specsDirFrom, vendorSpec } from '../../../scripts/prune-spec.mjs';

const pluginDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const specsDir = specsDirFrom(process.argv, pluginDir);

const v2Ops = {
  '/spaces': ['get'],
  '/spaces/{id}': ['get'],
  '/spaces/{id}/pages': ['get'],
  '/spaces/{id}/blogposts': ['get'],
  '/pages': ['get', 'post'],
  '/pages/{id}': ['get', 'put', 'delete'],
  '/pages/{id}/direct-children': ['get'],
  '/pages/{id}/descendants': ['get'],
  '/pages/{id}/ancestors': ['get'],
  '/pages/{id}/labels': ['get'],
  '/pages/{id}/attachments': ['get'],
  '/pages/{id}/versions': ['get'],
  '/pages/{page-id}/versions/{version-number}': ['get'],
  '/pages/{id}/footer-comments': ['get'],
  '/pages/{id}/inline-comments': ['get'],
  '/blogposts': ['get', 'post'],
  '/blogposts/{id}': ['get'],
  '/footer-comments': ['post'],
  '/footer-comments/{comment-id}': ['get', 'put', 'delete'],
  '/footer-comments/{id}/children': ['get'],
  '/inline-comments': ['post'],
  '/inline-comments/{comment-id}': ['get', 'put', 'delete'],
  '/inline-comments/{id}/children': ['get'],
  '/labels': ['get'],
  '/labels/{id}/pages': ['get'],
  '/attachments/{id}': ['get', 'delete'],
  '/users-bulk': ['post'],
};

const v1Ops = {
  '/wiki/rest/api/search': ['get'],
  '/wiki/rest/api/search/user': ['get'],
  '/wiki/rest/api/user/current': ['get'],
  '/wiki/rest/api/content/{id}/label': ['post'],
  '/wiki/rest/api/content/{id}/label/{label}': ['delete'],
  '/wiki/rest/api/content/{id}/child/attachment': ['put'],
  '/wiki/rest/api/content/{pageId}/move/{position}/{targetId}': ['put'],
  '/wiki/rest/api/content/{id}/copy': ['post'],
  '/wiki/rest/api/content/{id}/version': ['post'],
  '/wiki/rest/api/content/archive': ['post'],
  '/wiki/rest/api/content/{id}/restriction/byOperation': ['get'],
  '/wiki/rest/api/template/page': ['get'],
  '/wiki/rest/api/template/{contentTemplateId}': ['get'],
};

// v2 keeps `/wiki/api/v2` in `servers`; it is put on the paths, as the requests spell them.
vendorSpec({
  specsDir,
  pluginDir,
  file: 'confluence-v2.openapi.json',
  ops: v2Ops,
  outName: 'confluence-v2.subset.json',
  typesName: 'confluence-v2.ts',
  prefix: '/wiki/api/v2',
});
vendorSpec({
  specsDir,
  pluginDir,
  file: 'confluence-v1.openapi.json',
  ops: v1Ops,
  outName: 'confluence-v1.subset.json',
  typesName: 'confluence-v1.ts',
});
