// Where knowledge-base articles come from. As on Cloud, a desk's articles are the pages of the
// Confluence space linked to it (`ServiceDesk.knowledgeBaseSpaceKey`): a search hit's pageId is
// a real page, readable through the Confluence API, and a page added to the space is an article.
import type { ConfluenceStore } from '../../confluence/store.js';
import { storageText } from '../../confluence/storage.js';
import type { JsmStore } from '../store.js';

export interface KnowledgeBaseArticle {
  /** The Confluence page id. */
  id: string;
  serviceDeskId: string;
  spaceKey: string;
  title: string;
  /** Plain text of the page. */
  body: string;
  labels: string[];
}

export interface KnowledgeBaseSource {
  /** Articles of one desk, or of every desk. */
  articles(serviceDeskId?: string): KnowledgeBaseArticle[];
}

/** A site without Confluence: no desk has articles. */
export const NO_KNOWLEDGE_BASE: KnowledgeBaseSource = { articles: () => [] };

/**
 * The current pages of each desk's linked space (its homepage and read-restricted pages left
 * out), read live from the Confluence store.
 */
export function confluenceKnowledgeBase(jsm: JsmStore, confluence: ConfluenceStore): KnowledgeBaseSource {
  return {
    articles(deskId) {
      const out: KnowledgeBaseArticle[] = [];
      for (const desk of jsm.desks.values()) {
        if ((deskId !== undefined && desk.id !== deskId) || !desk.knowledgeBaseSpaceKey) continue;
        const space = confluence.spaceByKey(desk.knowledgeBaseSpaceKey);
        if (!space || space.status !== 'current') continue;
        for (const c of confluence.contents.values()) {
          if (c.spaceId !== space.id || c.type !== 'page' || c.status !== 'current' || c.id === space.homepageId)
            continue;
          if (c.restrictions?.read?.length) continue;
          out.push({
            id: c.id,
            serviceDeskId: desk.id,
            spaceKey: space.key,
            title: c.title,
            body: storageText(c.body),
            labels: c.labels.map((id) => confluence.labels.get(id)?.name ?? '').filter(Boolean),
          });
        }
      }
      return out;
    },
  };
}
