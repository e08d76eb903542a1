// Every simulated Confluence operation answers, and its answer validates against the vendored
// spec's response schema for that status (v2 and v1). Also: every operation the manifest names
// has a handler.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { responseValidator, startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import { byTitle } from './confluence-client';

type Api = 'confluence-v1' | 'confluence-v2';
interface Case {
  api: Api;
  op: string;
  method?: string;
  path: () => string;
  body?: () => unknown;
  status: number;
}

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ listen: false });
});
afterAll(() => sb.close());

const id = (title: string) => byTitle(sb, title).id;
const space = (key: string) => sb.site.confluence.spaceByKey(key)!.id;
const comment = (kind: 'footer' | 'inline') =>
  [...sb.site.confluence.comments.values()].find(
    (c) => c.kind === kind && !c.parentCommentId && c.status === 'current',
  )!.id;
const att = () => [...sb.site.confluence.attachments.values()].find((a) => a.status === 'current')!;
const label = () => sb.site.confluence.labelByName('adr')!.id;
const storage = (value: string) => ({ representation: 'storage', value });
const V2 = '/wiki/api/v2';
const V1 = '/wiki/rest/api';

const v2 = (op: string, path: () => string, status = 200, method = 'GET', body?: () => unknown): Case => ({
  api: 'confluence-v2',
  op,
  path,
  status,
  method,
  body,
});
const v1 = (op: string, path: () => string, status = 200, method = 'GET', body?: () => unknown): Case => ({
  api: 'confluence-v1',
  op,
  path,
  status,
  method,
  body,
});

const cases: Case[] = [
  v2('getSpaces', () => `${V2}/spaces?description-format=plain&include-icon=true`),
  v2('getSpaceById', () => `${V2}/spaces/${space('ENG')}?include-labels=true`),
  v2('getPagesInSpace', () => `${V2}/spaces/${space('ENG')}/pages?body-format=storage&limit=3`),
  v2('getBlogPostsInSpace', () => `${V2}/spaces/${space('ENG')}/blogposts`),
  v2('getSpaceLabels', () => `${V2}/spaces/${space('ENG')}/labels`),
  v2('getPages', () => `${V2}/pages?sort=-modified-date&limit=5&body-format=atlas_doc_format`),
  v2(
    'getPageById',
    () =>
      `${V2}/pages/${id('System overview')}?body-format=view&include-labels=true&include-properties=true&include-operations=true&include-likes=true&include-versions=true&include-collaborators=true&include-direct-children=true`,
  ),
  v2('getPageById', () => `${V2}/pages/999999`, 404),
  v2(
    'createPage',
    () => `${V2}/pages`,
    200,
    'POST',
    () => ({ spaceId: space('NOVA'), title: 'Contract page', body: storage('<p>Hi</p>') }),
  ),
  v2(
    'createPage',
    () => `${V2}/pages`,
    400,
    'POST',
    () => ({ spaceId: space('NOVA'), title: 'Broken', body: storage('<p>') }),
  ),
  v2(
    'updatePage',
    () => `${V2}/pages/${id('Device matrix')}`,
    200,
    'PUT',
    () => ({
      id: id('Device matrix'),
      status: 'current',
      title: 'Device matrix',
      body: storage('<p>Updated</p>'),
      version: { number: byTitle(sb, 'Device matrix').versions.length + 1 },
    }),
  ),
  v2(
    'updatePage',
    () => `${V2}/pages/${id('Device matrix')}`,
    409,
    'PUT',
    () => ({
      id: id('Device matrix'),
      status: 'current',
      title: 'Device matrix',
      body: storage('<p>x</p>'),
      version: { number: 1 },
    }),
  ),
  v2(
    'updatePageTitle',
    () => `${V2}/pages/${id('Roadmap 2026')}/title`,
    200,
    'PUT',
    () => ({ status: 'current', title: 'Roadmap 2026 (draft)' }),
  ),
  v2('getPageLabels', () => `${V2}/pages/${id('Release process')}/labels`),
  v2('getPageAttachments', () => `${V2}/pages/${id('Checkout flow designs')}/attachments`),
  v2('getPageVersions', () => `${V2}/pages/${id('Release process')}/versions`),
  v2('getPageVersionDetails', () => `${V2}/pages/${id('Release process')}/versions/1`),
  v2('getPageFooterComments', () => `${V2}/pages/${id('Offline sync design')}/footer-comments?body-format=storage`),
  v2('getPageInlineComments', () => `${V2}/pages/${id('System overview')}/inline-comments?body-format=storage`),
  v2('getChildPages', () => `${V2}/pages/${id('Runbooks')}/children`),
  v2('getPageDirectChildren', () => `${V2}/pages/${id('Runbooks')}/direct-children`),
  v2('getPageAncestors', () => `${V2}/pages/${id('GraphQL gateway')}/ancestors`),
  v2('getPageDescendants', () => `${V2}/pages/${id('Architecture')}/descendants`),
  v2('getBlogPosts', () => `${V2}/blogposts?body-format=storage`),
  v2(
    'createBlogPost',
    () => `${V2}/blogposts`,
    200,
    'POST',
    () => ({ spaceId: space('MKT'), title: 'Contract post', body: storage('<p>Post</p>') }),
  ),
  v2('getBlogPostById', () => `${V2}/blogposts/${id('Nova 2.4 is out')}?body-format=storage&include-labels=true`),
  v2(
    'updateBlogPost',
    () => `${V2}/blogposts/${id('Autumn campaign: what we learned')}`,
    200,
    'PUT',
    () => ({
      id: id('Autumn campaign: what we learned'),
      status: 'current',
      title: 'Autumn campaign: what we learned',
      body: storage('<p>Edited</p>'),
      version: { number: byTitle(sb, 'Autumn campaign: what we learned').versions.length + 1 },
    }),
  ),
  v2('getBlogPostLabels', () => `${V2}/blogposts/${id('Nova 2.4 is out')}/labels`),
  v2('getBlogpostAttachments', () => `${V2}/blogposts/${id('How we cut CI time by a third')}/attachments`),
  v2('getBlogPostVersions', () => `${V2}/blogposts/${id('Nova 2.4 is out')}/versions`),
  v2('getBlogPostVersionDetails', () => `${V2}/blogposts/${id('Nova 2.4 is out')}/versions/1`),
  v2('getBlogPostFooterComments', () => `${V2}/blogposts/${id('Offline mode is coming to Nova')}/footer-comments`),
  v2('getBlogPostInlineComments', () => `${V2}/blogposts/${id('Offline mode is coming to Nova')}/inline-comments`),
  v2('deleteBlogPost', () => `${V2}/blogposts/${id('Contract post')}`, 204, 'DELETE'),
  v2(
    'createFolder',
    () => `${V2}/folders`,
    200,
    'POST',
    () => ({ spaceId: space('OPS'), title: 'Contract folder' }),
  ),
  v2('getFolderById', () => `${V2}/folders/${id('Archive')}`),
  v2('getFolderDirectChildren', () => `${V2}/folders/${id('Archive')}/direct-children`),
  v2('getFolderDescendants', () => `${V2}/folders/${id('Archive')}/descendants`),
  v2('getFolderAncestors', () => `${V2}/folders/${id('Archive')}/ancestors`),
  v2('deleteFolder', () => `${V2}/folders/${id('Contract folder')}`, 204, 'DELETE'),
  v2('getFooterComments', () => `${V2}/footer-comments?limit=5`),
  v2(
    'createFooterComment',
    () => `${V2}/footer-comments`,
    201,
    'POST',
    () => ({ pageId: id('Runbooks'), body: storage('<p>Nice</p>') }),
  ),
  v2(
    'getFooterCommentById',
    () => `${V2}/footer-comments/${comment('footer')}?body-format=storage&include-versions=true`,
  ),
  v2(
    'updateFooterComment',
    () => `${V2}/footer-comments/${comment('footer')}`,
    200,
    'PUT',
    () => ({ version: { number: 2 }, body: storage('<p>Edited</p>') }),
  ),
  v2('getFooterCommentChildren', () => `${V2}/footer-comments/${comment('footer')}/children`),
  v2('getInlineComments', () => `${V2}/inline-comments?limit=5`),
  v2(
    'createInlineComment',
    () => `${V2}/inline-comments`,
    201,
    'POST',
    () => ({
      pageId: id('Orders service'),
      body: storage('<p>Why?</p>'),
      inlineCommentProperties: {
        textSelection: 'expand, migrate, contract',
        textSelectionMatchCount: 1,
        textSelectionMatchIndex: 0,
      },
    }),
  ),
  v2('getInlineCommentById', () => `${V2}/inline-comments/${comment('inline')}?body-format=storage`),
  v2(
    'updateInlineComment',
    () => `${V2}/inline-comments/${comment('inline')}`,
    200,
    'PUT',
    () => ({ resolved: true }),
  ),
  v2('getInlineCommentChildren', () => `${V2}/inline-comments/${comment('inline')}/children`),
  v2('deleteInlineComment', () => `${V2}/inline-comments/${comment('inline')}`, 204, 'DELETE'),
  v2('deleteFooterComment', () => `${V2}/footer-comments/${comment('footer')}`, 204, 'DELETE'),
  v2('getLabels', () => `${V2}/labels?sort=name`),
  v2('getLabelPages', () => `${V2}/labels/${label()}/pages`),
  v2('getLabelBlogPosts', () => `${V2}/labels/${sb.site.confluence.labelByName('weekly')!.id}/blogposts`),
  v2('getAttachments', () => `${V2}/attachments?limit=3`),
  v2('getAttachmentById', () => `${V2}/attachments/${att().id}?include-versions=true&include-labels=true`),
  v2('getAttachmentVersions', () => `${V2}/attachments/${att().id}/versions`),
  v2('getAttachmentComments', () => `${V2}/attachments/${att().id}/footer-comments`),
  v2('getTasks', () => `${V2}/tasks?body-format=storage&limit=10`),
  v2('getTaskById', () => `${V2}/tasks/${Number(id('Definition of done')) * 1000 + 1}`),
  v2(
    'updateTask',
    () => `${V2}/tasks/${Number(id('Definition of done')) * 1000 + 2}`,
    200,
    'PUT',
    () => ({ status: 'complete' }),
  ),
  v2(
    'createBulkUserLookup',
    () => `${V2}/users-bulk`,
    200,
    'POST',
    () => ({ accountIds: [sb.credentials.accountId] }),
  ),
  v2(
    'convertContentIdsToContentTypes',
    () => `${V2}/content/convert-ids-to-types`,
    200,
    'POST',
    () => ({ contentIds: [id('Runbooks')] }),
  ),
  v2('deleteAttachment', () => `${V2}/attachments/${att().id.replace('att', '')}`, 204, 'DELETE'),
  v2('deletePage', () => `${V2}/pages/${id('Contract page')}`, 204, 'DELETE'),
  v1(
    'searchByCQL',
    () =>
      `${V1}/search?cql=${encodeURIComponent('text ~ "runbook"')}&expand=content.space,content.version,content.history.lastUpdated`,
  ),
  v1('searchByCQL', () => `${V1}/search?cql=${encodeURIComponent('type = attachment')}&expand=content.container`),
  v1(
    'searchContentByCQL',
    () =>
      `${V1}/content/search?cql=${encodeURIComponent('type = page and space = OPS')}&expand=body.storage,ancestors,metadata.labels,children.page,history.contributors.publishers`,
  ),
  v1('searchUser', () => `${V1}/search/user?cql=${encodeURIComponent('user.fullname ~ "maya"')}`),
  v1('getContent', () => `${V1}/content?spaceKey=OPS&title=Runbooks&expand=space,version,body.storage`),
  v1(
    'getContentById',
    () =>
      `${V1}/content/${id('Runbooks')}?expand=space,history,version,ancestors,body.storage,body.view,metadata.labels,children.attachment,children.comment,container`,
  ),
  v1('getContentById', () => `${V1}/content/${att().id}?expand=version,container,space,history`),
  v1('getContentById', () => `${V1}/content/${comment('footer')}?expand=body.storage,version,history,container,space`),
  v1('getContentDescendants', () => `${V1}/content/${id('Architecture')}/descendant?expand=page,attachment,comment`),
  v1('getLabelsForContent', () => `${V1}/content/${id('Runbooks')}/label`),
  v1(
    'addLabelsToContent',
    () => `${V1}/content/${id('Runbooks')}/label`,
    200,
    'POST',
    () => [{ prefix: 'global', name: 'contract' }],
  ),
  v1('removeLabelFromContent', () => `${V1}/content/${id('Runbooks')}/label/contract`, 204, 'DELETE'),
  v1(
    'removeLabelFromContentUsingQueryParameter',
    () => `${V1}/content/${id('Runbooks')}/label?name=runbook`,
    204,
    'DELETE',
  ),
  v1('getAttachments', () => `${V1}/content/${id('Checkout flow designs')}/child/attachment?expand=version,container`),
  v1(
    'movePage',
    () => `${V1}/content/${id('Redis memory pressure')}/move/before/${id('Failing over the primary database')}`,
    200,
    'PUT',
  ),
  v1(
    'copyPage',
    () => `${V1}/content/${id('Runbooks')}/copy`,
    200,
    'POST',
    () => ({ destination: { type: 'space', value: 'ENG' } }),
  ),
  v1('getContentVersions', () => `${V1}/content/${id('Release process')}/version`),
  v1(
    'archivePages',
    () => `${V1}/content/archive`,
    202,
    'POST',
    () => ({
      pages: [{ id: Number(id('Restoring from a nightly backup')) }],
    }),
  ),
  v1('getTask', () => `${V1}/longtask/archive-${id('Restoring from a nightly backup')}`),
  v1(
    'restoreContentVersion',
    () => `${V1}/content/${id('Release process')}/version`,
    200,
    'POST',
    () => ({ operationKey: 'restore', params: { versionNumber: 1, message: 'restore' } }),
  ),
  v1('getRestrictions', () => `${V1}/content/${id('Access checklist')}/restriction`),
  v1('getRestrictionsByOperation', () => `${V1}/content/${id('Access checklist')}/restriction/byOperation`),
  v1('getContentTemplates', () => `${V1}/template/page?expand=body`),
  v1('getBlueprintTemplates', () => `${V1}/template/blueprint`),
  v1('getContentTemplate', () => `${V1}/template/${[...sb.site.confluence.templates.keys()][0]}`),
  v1(
    'createContentTemplate',
    () => `${V1}/template`,
    200,
    'POST',
    () => ({
      name: 'Contract',
      templateType: 'page',
      body: { storage: { value: '<p />', representation: 'storage' } },
    }),
  ),
  v1(
    'updateContentTemplate',
    () => `${V1}/template`,
    200,
    'PUT',
    () => ({
      templateId: [...sb.site.confluence.templates.keys()][0],
      name: 'Meeting notes',
      templateType: 'page',
      body: { storage: { value: '<h2>Date</h2><p />', representation: 'storage' } },
    }),
  ),
  v1(
    'removeTemplate',
    () => `${V1}/template/${[...sb.site.confluence.templates.values()].find((t) => t.name === 'Contract')!.templateId}`,
    204,
    'DELETE',
  ),
  v1('getCurrentUser', () => `${V1}/user/current`),
  v1('getUser', () => `${V1}/user?accountId=${encodeURIComponent(sb.credentials.accountId)}`),
  v1('getBulkUserLookup', () => `${V1}/user/bulk?accountId=${encodeURIComponent(sb.credentials.accountId)}`),
];

const NEEDS_MULTIPART = new Set([
  'createAttachment',
  'createOrUpdateAttachments',
  'updateAttachmentData',
  'downloadAttatchment',
]);

describe('Confluence responses validate against the spec', () => {
  it.each(cases.map((c) => [`${c.api} ${c.op} → ${c.status}`, c] as const))('%s', async (_name, c) => {
    const body = c.body?.();
    const res = await sb.fetch(c.path(), {
      method: c.method ?? 'GET',
      headers: { authorization: sb.basicAuth(), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    expect({ status: res.status, text: res.status === c.status ? '' : text }).toEqual({ status: c.status, text: '' });
    const v = responseValidator(c.api, c.op, c.status);
    if (!v) return; // the spec declares no JSON schema for this response
    expect(v(JSON.parse(text)) ? [] : v.errors!.slice(0, 5)).toEqual([]);
  });

  it('every operation in the manifest has a case here or (multipart) in confluence-files', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'specs', 'operations.json'), 'utf8'));
    for (const api of ['confluence-v1', 'confluence-v2'] as const) {
      const covered = new Set(cases.filter((c) => c.api === api).map((c) => c.op));
      const missing = (manifest[api].operations as string[]).filter(
        (op) => !covered.has(op) && !NEEDS_MULTIPART.has(op),
      );
      expect({ api, missing }).toEqual({ api, missing: [] });
    }
  });
});
