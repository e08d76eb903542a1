import { definePlugin, PLUGIN_API_VERSION } from '@atlassian-mcp/core';
import { CommentThreads } from './client/comment-threads.js';
import { ConfluenceComments } from './client/confluence-comments.js';
import { ConfluenceContainers } from './client/confluence-containers.js';
import { ConfluenceAttachments } from './client/confluence-attachments.js';
import { ConfluenceLabels } from './client/confluence-labels.js';
import { ConfluenceMoves } from './client/confluence-moves.js';
import { ConfluencePages } from './client/confluence-pages.js';
import { ConfluenceRestrictions } from './client/confluence-restrictions.js';
import { ConfluenceTemplates } from './client/confluence-templates.js';
import { ConfluenceVersions } from './client/confluence-versions.js';
import { ConfluenceSearch } from './client/confluence-search.js';
import { ConfluenceSpaces } from './client/confluence-spaces.js';
import { ConfluenceTree } from './client/confluence-tree.js';
import { ConfluenceUsers } from './client/confluence-users.js';
import { PageLocator } from './client/page-locator.js';
import { PageReader } from './client/page-reader.js';
import { PageWriter } from './client/page-writer.js';
import { SpaceScope } from './client/space-scope.js';
import { confluenceConfigSchema } from './config.js';
import { PageBody } from './content/page-body.js';
import { ConfluenceResources } from './resources/confluence.resources.js';
import { AdminTools } from './tools/admin.tools.js';
import { AttachmentTools } from './tools/attachment.tools.js';
import { BlogTools } from './tools/blog.tools.js';
import { CommentTools } from './tools/comment.tools.js';
import { LabelTools } from './tools/label.tools.js';
import { MoveTools } from './tools/move.tools.js';
import { PeopleTools } from './tools/people.tools.js';
import { TemplateTools } from './tools/template.tools.js';
import { VersionTools } from './tools/version.tools.js';
import { PageTools } from './tools/page.tools.js';
import { SearchTools } from './tools/search.tools.js';
import { SpaceTools } from './tools/space.tools.js';
import { TreeTools } from './tools/tree.tools.js';

export { confluenceConfigSchema, type ConfluenceConfig } from './config.js';

/** The Confluence plugin: search, pages, spaces and comments by default; the rest opt-in. */
export default definePlugin({
  id: 'confluence',
  apiVersion: PLUGIN_API_VERSION,
  toolPrefix: 'confluence_',
  products: ['confluence'],
  scope: { allow: 'spaces', resolver: ConfluenceContainers },
  description: 'Confluence Cloud: CQL search, pages as lossless Markdown, section edits, spaces, page tree, comments',
  instructions:
    'Confluence page bodies are Markdown; ⟦…⟧ placeholders stand for macros and other content Markdown cannot show: keep them as they are when you edit.',
  config: confluenceConfigSchema,
  defaultToolsets: ['pages', 'comments'],
  toolsets: {
    pages: 'Search; read, create and update pages (whole, one section, append/prepend); page tree; list spaces',
    comments: 'Footer and inline comment threads: read, add, reply, edit, resolve/reopen',
    browse: 'One space and its pages, content search by space/label/type, one comment with its replies',
    labels: 'Labels of a page, pages by label, every label; add and remove',
    attachments: 'List, read (text files inline; confluence://attachment resources) and upload attachments',
    versions: 'Version history, one version, a diff of two, restore a version',
    move: 'Move a page (under a page, before/after a sibling, into another space), copy one, archive one',
    blog: 'List and publish blog posts',
    templates: 'List page templates; create a page from one',
    people: 'Current user, users by name, who may view or edit a page',
    'admin-destructive': 'Delete pages (trash or purge), comments and attachments (confirmed)',
  },
  services: [
    ConfluenceSpaces,
    ConfluenceTemplates,
    ConfluenceContainers,
    SpaceScope,
    ConfluencePages,
    ConfluenceTree,
    ConfluenceSearch,
    ConfluenceUsers,
    PageLocator,
    PageBody,
    PageReader,
    PageWriter,
    ConfluenceComments,
    CommentThreads,
    ConfluenceLabels,
    ConfluenceAttachments,
    ConfluenceVersions,
    ConfluenceMoves,
    ConfluenceRestrictions,
  ],
  toolProviders: [
    SearchTools,
    PageTools,
    TreeTools,
    SpaceTools,
    CommentTools,
    LabelTools,
    AttachmentTools,
    VersionTools,
    MoveTools,
    BlogTools,
    TemplateTools,
    PeopleTools,
    AdminTools,
  ],
  resourceProviders: [ConfluenceResources],
});
