// `/wiki/api/v2/pages…` and `/blogposts…`: thin wiring of ./content.ts to the operationIds.
import type { HandlerContext } from '../../core/product.js';
import { createContent, deleteContent, getContent, listContents, retitleContent, updateContent } from './content.js';

export const getPages = (ctx: HandlerContext) => listContents(ctx, 'page', { ids: ctx.query.id });
export const getPageById = (ctx: HandlerContext) => getContent(ctx, 'page');
export const createPage = (ctx: HandlerContext) => createContent(ctx, 'page');
export const updatePage = (ctx: HandlerContext) => updateContent(ctx, 'page');
export const updatePageTitle = (ctx: HandlerContext) => retitleContent(ctx, 'page');
export const deletePage = (ctx: HandlerContext) => deleteContent(ctx, 'page');

export const getBlogPosts = (ctx: HandlerContext) => listContents(ctx, 'blogpost', { ids: ctx.query.id });
export const getBlogPostById = (ctx: HandlerContext) => getContent(ctx, 'blogpost');
export const createBlogPost = (ctx: HandlerContext) => createContent(ctx, 'blogpost');
export const updateBlogPost = (ctx: HandlerContext) => updateContent(ctx, 'blogpost');
export const deleteBlogPost = (ctx: HandlerContext) => deleteContent(ctx, 'blogpost');
