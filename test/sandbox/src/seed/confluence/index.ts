// Generates the seeded wiki deterministically from the space specs: ids from counters in spec
// order, dates relative to `now`, versions that grow section by section, inline-comment
// markers woven into the final storage, and Jira remote links from issues to their pages.
import {
  emptyConfluenceData,
  type Attachment,
  type Comment,
  type ConfluenceData,
  type Content,
  type VersionRecord,
} from '../../confluence/model.js';
import { wrapSelection } from '../../confluence/storage.js';
import type { JiraData } from '../../jira/model.js';
import { engSpace } from './eng.js';
import { mktSpace } from './mkt.js';
import { novaSpace } from './nova.js';
import { opsSpace } from './ops.js';
import { personalSpace } from './personal.js';
import { templates } from './templates.js';
import type { CommentSpec, PageSpec, SpaceSpec } from './types.js';
import { Ids, sectionsUpTo, uuidOf } from './xhtml.js';

const DAY = 86_400_000;
/** Where seeded remote links point: the seed is data, so it names the production-style site. */
export const SEED_SITE = 'https://nimbus-works.atlassian.net';

export interface ConfluenceSeedOptions {
  now: number;
  /** Only spaces and their (empty) homepages. */
  pages: boolean;
}

export function generateConfluence(
  jira: JiraData,
  counters: Record<string, number>,
  o: ConfluenceSeedOptions,
): ConfluenceData {
  const data = emptyConfluenceData();
  const next = (k: string) => String(data.counters[k]!++);
  let tick = 0;
  /** A moment `age` days ago, spread over the working day so equal ages still order. */
  const at = (age: number) => o.now - age * DAY - ((tick++ * 7_919_000) % (8 * 3_600_000));
  const labelId = (name: string) => {
    let l = data.labels.find((x) => x.name === name);
    if (!l) data.labels.push((l = { id: next('label'), name, prefix: 'global' }));
    return l.id;
  };
  const specs: SpaceSpec[] = [engSpace, novaSpace, opsSpace, mktSpace, personalSpace].map((f) => f(o.now));

  for (const spec of specs) {
    const spaceId = next('space');
    const byTitle = new Map<string, Content>();
    const positions = new Map<string, number>();
    const created = at(spec.age);
    const pages = o.pages ? spec.pages : [];
    const home = addContent({ ...spec.home, kind: 'page' }, undefined);
    data.spaces.push({
      id: spaceId,
      key: spec.key,
      name: spec.name,
      type: spec.type,
      status: 'current',
      authorId: spec.author,
      createdAt: created,
      homepageId: home.id,
      description: spec.description,
      labels: spec.labels.map(labelId),
    });
    for (const ps of pages) {
      const parent = ps.kind === 'blogpost' ? undefined : byTitle.get(ps.parent ?? spec.home.title);
      if (ps.parent && !parent) throw new Error(`seed: ${ps.title}: no parent "${ps.parent}" in ${spec.key}`);
      addContent(ps, parent?.id);
    }

    function addContent(ps: PageSpec, parentId: string | undefined): Content {
      const kind = ps.kind ?? 'page';
      const id = next('content');
      const ids = new Ids(`${spec.key}/${ps.title}`);
      let body = ps.body ? ps.body(ids) : '';
      const n = 1 + (ps.edits?.length ?? 0);
      const versions: VersionRecord[] = [];
      const createdAt = at(ps.age);
      versions.push({
        number: 1,
        authorId: ps.author,
        createdAt,
        message: '',
        minorEdit: false,
        title: ps.title,
        body: n === 1 ? body : sectionsUpTo(body, 1 / n),
      });
      (ps.edits ?? []).forEach(([by, age, message], k) => {
        versions.push({
          number: k + 2,
          authorId: by,
          createdAt: at(age),
          message: message ?? '',
          minorEdit: false,
          title: ps.title,
          body: k + 2 === n ? body : sectionsUpTo(body, (k + 2) / n),
        });
      });
      const comments: Comment[] = [];
      for (const inl of ps.inline ?? []) {
        const ref = uuidOf(`${spec.key}/${ps.title}#inline:${inl.selection}`);
        body = wrapSelection(body, inl.selection, 0, ref);
        const root = addComment(
          inl,
          id,
          kind === 'blogpost' ? 'blogpost' : 'page',
          ps.title,
          'inline',
          undefined,
          comments,
        );
        root.inline = {
          markerRef: ref,
          originalSelection: inl.selection,
          resolutionStatus: inl.resolved ? 'resolved' : 'open',
          ...(inl.resolved
            ? { resolutionLastModifierId: inl.resolved.by, resolutionLastModifiedAt: at(inl.resolved.age) }
            : {}),
        };
      }
      versions[versions.length - 1]!.body = body;
      for (const cs of ps.comments ?? [])
        addComment(cs, id, kind === 'blogpost' ? 'blogpost' : 'page', ps.title, 'footer', undefined, comments);
      const pkey = parentId ?? '';
      const position = kind === 'blogpost' ? 0 : (positions.get(pkey) ?? 0);
      positions.set(pkey, position + 1);
      const content: Content = {
        id,
        type: kind,
        status: 'current',
        title: ps.title,
        spaceId,
        ...(parentId ? { parentId } : {}),
        position,
        authorId: ps.author,
        ownerId: ps.author,
        createdAt,
        body,
        versions,
        labels: (ps.labels ?? []).map(labelId),
        properties: ps.properties ?? {},
        ...(ps.restrictions ? { restrictions: ps.restrictions } : {}),
      };
      data.contents.push(content);
      data.comments.push(...comments);
      byTitle.set(ps.title, content);
      for (const att of ps.attachments ?? []) {
        const count = att.versions ?? 1;
        const a: Attachment = {
          id: `att${next('content')}`,
          containerId: id,
          containerType: kind === 'blogpost' ? 'blogpost' : 'page',
          status: 'current',
          title: att.filename,
          fileId: uuidOf(`${spec.key}/${ps.title}/${att.filename}`),
          comment: att.comment ?? '',
          labels: [],
          versions: Array.from({ length: count }, (_, k) => {
            const older = k < count - 1 && att.mediaType.startsWith('text/');
            const bytes = older ? att.data.subarray(0, Math.max(1, att.data.length - 40 * (count - 1 - k))) : att.data;
            return {
              number: k + 1,
              authorId: att.by,
              createdAt: at(att.age + (count - 1 - k) * 2),
              message: k ? 'Updated' : '',
              minorEdit: false,
              fileSize: bytes.length,
              mediaType: att.mediaType,
              data: bytes.toString('base64'),
            };
          }),
        };
        data.attachments.push(a);
      }
      for (const key of ps.issues ?? []) linkIssue(jira, counters, key, id, ps.title);
      return content;
    }

    function addComment(
      cs: CommentSpec,
      containerId: string,
      containerType: 'page' | 'blogpost',
      pageTitle: string,
      kind: 'footer' | 'inline',
      parentCommentId: string | undefined,
      out: Comment[],
    ): Comment {
      const id = next('content');
      const body = cs.text.startsWith('<') ? cs.text : `<p>${cs.text}</p>`;
      const createdAt = at(cs.age);
      const cm: Comment = {
        id,
        kind,
        containerId,
        containerType,
        ...(parentCommentId ? { parentCommentId } : {}),
        status: 'current',
        authorId: cs.by,
        createdAt,
        versions: [
          { number: 1, authorId: cs.by, createdAt, message: '', minorEdit: false, title: `Re: ${pageTitle}`, body },
        ],
      };
      out.push(cm);
      for (const r of cs.replies ?? []) addComment(r, containerId, containerType, pageTitle, kind, id, out);
      return cm;
    }
  }
  data.templates = templates(data.counters);
  return data;
}

/** A Jira remote link from an issue to a page, as Confluence's Jira integration creates it. */
function linkIssue(jira: JiraData, counters: Record<string, number>, key: string, pageId: string, title: string): void {
  const issue = jira.issues.find((x) => x.key === key);
  if (!issue) throw new Error(`seed: no Jira issue ${key} to link to "${title}"`);
  issue.remoteLinks.push({
    id: counters.remoteLink!++,
    issueId: issue.id,
    globalId: `appId=${uuidOf('nimbus-works-confluence')}&pageId=${pageId}`,
    application: { type: 'com.atlassian.confluence', name: 'System Confluence' },
    relationship: 'Wiki Page',
    object: {
      url: `${SEED_SITE}/wiki/pages/viewpage.action?pageId=${pageId}`,
      title,
      icon: { url16x16: `${SEED_SITE}/wiki/images/icons/contenttypes/page_16.png`, title: 'Page' },
    },
  });
}
