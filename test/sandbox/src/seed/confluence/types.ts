// The shape of the seeded wiki, as data: spaces with their page trees, comments, inline
// comments, attachments, versions and the Jira issues each page is linked from.
import type { SpaceType } from '../../confluence/model.js';
import type { Ids } from './xhtml.js';

export interface CommentSpec {
  by: string;
  /** Days before the seed's `now`. */
  age: number;
  /** Storage body (wrapped in `<p>` when it is plain text). */
  text: string;
  replies?: CommentSpec[];
}

export interface InlineSpec extends CommentSpec {
  /** Text of the page the comment is anchored to (its first occurrence). */
  selection: string;
  resolved?: { by: string; age: number };
}

export interface AttachmentSpec {
  filename: string;
  mediaType: string;
  by: string;
  age: number;
  data: Buffer;
  comment?: string;
  /** How many versions the file has (default 1). */
  versions?: number;
}

export interface PageSpec {
  title: string;
  kind?: 'page' | 'blogpost' | 'folder';
  /** Title of the parent page or folder in the same space (default: the space homepage). */
  parent?: string;
  author: string;
  /** Days since creation. */
  age: number;
  labels?: string[];
  body?: (ids: Ids) => string;
  /** Later versions: [author, days ago, message]. Version k of n shows the first k/n of the `<h2>` sections. */
  edits?: Array<[string, number, string?]>;
  comments?: CommentSpec[];
  inline?: InlineSpec[];
  attachments?: AttachmentSpec[];
  /** Jira issue keys that get a remote link to this page. */
  issues?: string[];
  properties?: Record<string, unknown>;
  /** Who may read / edit (account ids); absent: everyone. */
  restrictions?: { read?: string[]; update?: string[] };
}

export interface SpaceSpec {
  key: string;
  name: string;
  type: SpaceType;
  description: string;
  labels: string[];
  author: string;
  age: number;
  home: PageSpec;
  pages: PageSpec[];
}
