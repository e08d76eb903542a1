import type { CommentBean, CommentKind } from '../client/confluence-comments.js';
import { compact, shortTime } from './display.js';

/** A comment as the model reads it. */
export type CommentView = {
  id: string;
  kind: CommentKind;
  author?: string;
  at?: string;
  /** Edited after it was posted (version > 1). */
  edited?: boolean;
  /** Inline comments: open, resolved, reopened or dangling (its text is gone). */
  status?: string;
  /** Inline comments: the page text it is anchored to. */
  anchor?: string;
  /** The page or blog post it is on. */
  on?: string;
  body: string;
  replies?: CommentView[];
};

/** Builds the view; `markdown` renders a storage body. */
export function commentView(
  bean: CommentBean,
  kind: CommentKind,
  markdown: (storage: string) => string,
  names: ReadonlyMap<string, string>,
): CommentView {
  const props = bean.properties as { inlineOriginalSelection?: string } | undefined;
  return compact({
    id: String(bean.id),
    kind,
    author: names.get(bean.version?.authorId ?? '') ?? bean.version?.authorId,
    at: shortTime(bean.version?.createdAt),
    edited: (bean.version?.number ?? 1) > 1 || undefined,
    status: bean.resolutionStatus,
    anchor: props?.inlineOriginalSelection,
    on: bean.pageId ?? bean.blogPostId,
    body: markdown(bean.body?.storage?.value ?? ''),
  });
}

/** "[123 · inline · open] on "text" Maya Chen, 2026-11-02 10:00Z:" then the body; replies indented under it. */
export function commentBlock(c: CommentView, depth = 0): string {
  const pad = '  '.repeat(depth);
  const tags = [c.id, c.kind === 'inline' ? 'inline' : undefined, c.status].filter(Boolean).join(' · ');
  const head = `${depth > 0 ? `${pad.slice(2)}↳ ` : ''}[${tags}]${c.anchor ? ` on "${c.anchor}"` : ''} ${c.author ?? '?'}, ${c.at ?? ''}${c.edited ? ' (edited)' : ''}:`;
  const body = c.body
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n');
  return [head, body, ...(c.replies ?? []).map((r) => commentBlock(r, depth + 1))].join('\n');
}
