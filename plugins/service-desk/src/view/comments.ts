import type { RenderKit } from '@atlassian-mcp/core';
import { when } from './format.js';

/** A request comment: who can see it is always said. */
export type CommentView = {
  id: string;
  /** true: the customer and participants see it on the portal; false: agents only. */
  public: boolean;
  author?: string;
  created?: string;
  /** Markdown. */
  body: string;
};

export const visibilityLabel = (isPublic: boolean) => (isPublic ? 'public' : 'internal');

/** `[internal] #10042 Maya Chen · 2026-10-20 09:15` then the fenced body (the label stays outside the fence). */
export function commentBlock(c: CommentView, kit: RenderKit): string {
  const head = `[${visibilityLabel(c.public)}] #${c.id} ${kit.inline(c.author ?? '?')}${c.created ? ` · ${c.created}` : ''}`;
  return `${head}\n${kit.fence(c.body, 'comment')}`;
}

export { when };
