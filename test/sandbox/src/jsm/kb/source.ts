// Where knowledge-base articles come from. JSM serves a desk's articles from the Confluence
// space(s) linked to it; the sandbox keeps its own articles (`JsmStore.articles`) until the
// Confluence half backs them. The seam: assign `site.jsm.knowledgeBase` a source that reads the
// pages of the linked spaces (page id → `id`, space key → `spaceKey`, body as plain text) and the
// KB endpoints, search and excerpts stay as they are.
import type { JsmStore } from '../store.js';

export interface KnowledgeBaseArticle {
  /** The Confluence page id. */
  id: string;
  serviceDeskId: string;
  spaceKey: string;
  title: string;
  /** Plain text, blank-line separated paragraphs. */
  body: string;
  labels: string[];
}

export interface KnowledgeBaseSource {
  /** Articles of one desk, or of every desk. */
  articles(serviceDeskId?: string): KnowledgeBaseArticle[];
}

/** The sandbox's own articles. */
export function storeKnowledgeBase(st: JsmStore): KnowledgeBaseSource {
  return {
    articles: (deskId) => [...st.articles.values()].filter((a) => deskId === undefined || a.serviceDeskId === deskId),
  };
}
