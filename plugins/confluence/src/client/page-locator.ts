import { coreServices, InputError, inject, NotFoundError, Service, type SiteService } from '@atlassian-mcp/core';
import { ConfluencePages, type PageKind } from './confluence-pages.js';
import { ConfluenceSpaces } from './confluence-spaces.js';

/** Where a page is: its id and whether it is a page or a blog post. */
export interface PageAddress {
  id: string;
  kind: PageKind;
}

/**
 * Turns what the model has — an id, any Confluence URL of a page, or a space and a title — into
 * the page id v2 needs. URLs that carry the id cost no request; `display/SPACE/Title` and
 * space + title cost one lookup.
 */
@Service()
export class PageLocator {
  constructor(
    @inject(ConfluencePages) private readonly pages: ConfluencePages,
    @inject(ConfluenceSpaces) private readonly spaces: ConfluenceSpaces,
    @inject(coreServices.site) private readonly site: SiteService,
  ) {}

  /** An id or URL (`pageId`), or a space key and a title. */
  async locate(ref: { pageId?: string; spaceKey?: string; title?: string }): Promise<PageAddress> {
    if (ref.pageId !== undefined) return this.resolve(ref.pageId);
    if (ref.spaceKey !== undefined && ref.title !== undefined) return this.byTitle(ref.spaceKey, ref.title);
    throw new InputError('Which page? Pass `pageId` (an id or URL), or `spaceKey` with `title`.');
  }

  /** An id or any URL form of a page. */
  async resolve(ref: string): Promise<PageAddress> {
    if (/^\d+$/.test(ref)) return { id: ref, kind: 'page' };
    if (!/^https?:\/\/\S+$/.test(ref)) throw notAPageUrl(ref);
    const parsed = parseConfluenceUrl(ref, this.site.url);
    if ('id' in parsed) return parsed;
    if ('title' in parsed) return this.byTitle(parsed.spaceKey, parsed.title);
    const space = await this.spaces.byKey(parsed.spaceKey);
    if (!space.homepageId) throw new NotFoundError(`Space ${parsed.spaceKey} has no home page.`);
    return { id: String(space.homepageId), kind: 'page' };
  }

  async byTitle(spaceKey: string, title: string, kind: PageKind = 'page'): Promise<PageAddress> {
    const spaceId = await this.spaces.idOf(spaceKey);
    const found = await this.pages.byTitle(spaceId, title, kind);
    if (!found?.id)
      throw new NotFoundError(`Space ${spaceKey} has no ${kind === 'page' ? 'page' : 'blog post'} titled "${title}".`, {
        hint: `Titles match exactly; confluence_search with query 'space = ${spaceKey} AND title ~ "…"' finds near matches.`,
      });
    return { id: String(found.id), kind };
  }
}

type Parsed = PageAddress | { spaceKey: string; title: string } | { spaceKey: string };

/** Reads the page a Confluence URL points at (without any request). */
export function parseConfluenceUrl(raw: string, siteUrl: string | undefined): Parsed {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw notAPageUrl(raw);
  }
  const site = siteUrl ? new URL(siteUrl).host : undefined;
  if (site && site !== url.host)
    throw new InputError(`${url.host} is not the Confluence site this server works on (${site}).`, {
      hint: 'Pass the page id instead if it is the same page on this site.',
    });
  const path = url.pathname.replace(/^\/wiki(?=\/)/, '');
  const seg = path.split('/').filter(Boolean).map(decodeSegment);
  const q = url.searchParams;
  const id = q.get('pageId') ?? q.get('draftId') ?? q.get('contentId');
  if (id && /^\d+$/.test(id)) return { id, kind: 'page' };
  if (seg[0] === 'x' && seg[1]) return { id: tinyToId(seg[1]), kind: 'page' };
  if (seg[0] === 'spaces' && seg[1]) {
    const kind: PageKind | undefined = seg[2] === 'pages' ? 'page' : seg[2] === 'blog' ? 'blogpost' : undefined;
    if (kind) {
      const found = seg.slice(3).find((s) => /^\d+$/.test(s) && !(kind === 'blogpost' && s.length <= 4));
      if (found) return { id: found, kind };
    }
    if (seg.length === 2 || seg[2] === 'overview') return { spaceKey: seg[1] };
  }
  if (seg[0] === 'display' && seg[1]) {
    if (!seg[2]) return { spaceKey: seg[1] };
    return { spaceKey: seg[1], title: seg.slice(2).join('/').replace(/\+/g, ' ') };
  }
  throw notAPageUrl(raw);
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Confluence's tiny link code: the id's little-endian bytes in base64 (`/`→`-`, `+`→`_`), trailing `A`s dropped. */
export function tinyToId(code: string): string {
  if (!/^[A-Za-z0-9_-]{1,11}$/.test(code)) throw notAPageUrl(`/x/${code}`);
  const b64 = code.replace(/-/g, '/').replace(/_/g, '+').padEnd(12, 'A');
  const bytes = Buffer.from(b64, 'base64');
  let id = 0n;
  for (let i = Math.min(7, bytes.length - 1); i >= 0; i--) id = (id << 8n) | BigInt(bytes[i]!);
  if (id === 0n) throw notAPageUrl(`/x/${code}`);
  return id.toString();
}

function notAPageUrl(raw: string): InputError {
  return new InputError(`"${raw.slice(0, 120)}" is not a Confluence page URL this server can read.`, {
    hint: 'Pass the page id (the number in /pages/<id>/), a /wiki/spaces/KEY/pages/<id>/… URL, a /wiki/x/… tiny link, or spaceKey + title.',
  });
}
