// The Confluence site's data, as plain JSON-friendly records (a snapshot is these records,
// verbatim). Timestamps are epoch milliseconds; references are ids. Users are the Jira
// half's (one site, one user directory).

export type SpaceType = 'global' | 'personal' | 'collaboration' | 'knowledge_base';

export interface Space {
  id: string;
  key: string;
  name: string;
  type: SpaceType;
  status: 'current' | 'archived';
  authorId: string;
  createdAt: number;
  homepageId: string;
  /** Plain-text description. */
  description: string;
  /** Label ids. */
  labels: string[];
}

/** One saved version of a page, blog post or comment (the last one is the current). */
export interface VersionRecord {
  number: number;
  authorId: string;
  createdAt: number;
  message: string;
  minorEdit: boolean;
  title: string;
  /** Storage format (XHTML). */
  body: string;
}

export type ContentType = 'page' | 'blogpost' | 'folder';
export type ContentStatus = 'current' | 'draft' | 'archived' | 'trashed' | 'deleted';

/** A page, blog post or folder. */
export interface Content {
  id: string;
  type: ContentType;
  status: ContentStatus;
  title: string;
  spaceId: string;
  /** Page or folder this one sits under (none: a top-level page of the space, or a blog post). */
  parentId?: string;
  /** Order among siblings (lower first). */
  position: number;
  authorId: string;
  ownerId: string;
  createdAt: number;
  /** Storage body of the current version (folders: empty). */
  body: string;
  /** Every version, oldest first; the last is the current one. */
  versions: VersionRecord[];
  /** Label ids. */
  labels: string[];
  /** Content properties (key → value). */
  properties: Record<string, unknown>;
  /** Page restrictions: who may read / update (account ids). Absent: everyone in the space. */
  restrictions?: { read?: string[]; update?: string[] };
}

export interface InlineAnchor {
  /** `ac:ref` of the `<ac:inline-comment-marker>` in the page storage. */
  markerRef: string;
  /** The text the comment was anchored to. */
  originalSelection: string;
  resolutionStatus: 'open' | 'reopened' | 'resolved' | 'dangling';
  resolutionLastModifierId?: string;
  resolutionLastModifiedAt?: number;
}

export interface Comment {
  id: string;
  kind: 'footer' | 'inline';
  /** Page, blog post or attachment the comment belongs to (replies: the root's container). */
  containerId: string;
  containerType: 'page' | 'blogpost' | 'attachment';
  parentCommentId?: string;
  status: 'current' | 'trashed' | 'deleted';
  authorId: string;
  createdAt: number;
  versions: VersionRecord[];
  /** Top-level inline comments only. */
  inline?: InlineAnchor;
}

export interface AttachmentVersion {
  number: number;
  authorId: string;
  createdAt: number;
  message: string;
  minorEdit: boolean;
  fileSize: number;
  mediaType: string;
  /** Base64 of the bytes. */
  data: string;
}

export interface Attachment {
  /** `att<digits>`. */
  id: string;
  containerId: string;
  containerType: 'page' | 'blogpost';
  status: 'current' | 'trashed';
  title: string;
  /** The media file id `atlas_doc_format` bodies reference. */
  fileId: string;
  comment: string;
  labels: string[];
  versions: AttachmentVersion[];
}

export interface Label {
  id: string;
  name: string;
  prefix: 'global' | 'my' | 'team';
}

export interface Template {
  templateId: string;
  name: string;
  description: string;
  templateType: 'page';
  /** Space key; none: a global template. */
  spaceKey?: string;
  body: string;
  labels: string[];
}

export interface ConfluenceData {
  spaces: Space[];
  contents: Content[];
  comments: Comment[];
  attachments: Attachment[];
  labels: Label[];
  templates: Template[];
  /** Next id per kind (`space`, `content`, `label`, `template`). */
  counters: Record<string, number>;
}

export const emptyConfluenceData = (): ConfluenceData => ({
  spaces: [],
  contents: [],
  comments: [],
  attachments: [],
  labels: [],
  templates: [],
  counters: { space: 1507329, content: 98305, label: 1310721, template: 2490369 },
});
