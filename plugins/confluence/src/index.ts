import { definePlugin, PLUGIN_API_VERSION } from '@atlassian-mcp/core';
import { CommentThreads } from './client/comment-threads.js';
import { ConfluenceComments } from './client/confluence-comments.js';
import { ConfluencePages } from './client/confluence-pages.js';
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
import { CommentTools } from './tools/comment.tools.js';
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
  description: 'Confluence Cloud: CQL search, pages as lossless Markdown, section edits, spaces, page tree, comments',
  instructions:
    'Confluence page bodies are Markdown; ⟦…⟧ placeholders stand for macros and other content Markdown cannot show: keep them as they are when you edit.',
  config: confluenceConfigSchema,
  defaultToolsets: ['pages', 'comments'],
  toolsets: {
    pages: 'Search; read, create and update pages (whole, one section, append/prepend); page tree; list spaces',
    comments: 'Footer and inline comment threads: read, add, reply, edit, resolve/reopen',
    browse: 'One space and its pages, content search by space/label/type, one comment with its replies',
  },
  services: [
    ConfluenceSpaces,
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
  ],
  toolProviders: [SearchTools, PageTools, TreeTools, SpaceTools, CommentTools],
  resourceProviders: [],
});
