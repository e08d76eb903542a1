import { InputError, inject, Service, type SectionEditInput } from '@atlassian-mcp/core';
import { confluenceDocument, PageBody } from '../content/page-body.js';
import { ConfluencePages, staleVersion, type PageBean, type PageKind } from './confluence-pages.js';
import { ConfluenceUsers } from './confluence-users.js';
import type { PageAddress } from './page-locator.js';
import { PageReader } from './page-reader.js';

/** How the body given to an update applies to the page. */
export interface PageEdit {
  /** Markdown: the whole page, a section's new body, or what to add. */
  body?: string;
  /** A heading: the edit applies to its section. */
  section?: string;
  mode?: 'replace' | 'append' | 'prepend';
  title?: string;
  /** The version the model read; required to replace the whole body. */
  version?: number;
  message?: string;
}

/** The outcome of a write. */
export interface Written {
  bean: PageBean;
  kind: PageKind;
  /** False when the page already had this content (nothing was sent). */
  changed: boolean;
  what: string;
}

/**
 * Page updates: one read (storage and version) and one write, whatever the page's size. The body
 * is edited in storage — a section, the ends, or the whole with the page as the base — so
 * nothing the model did not touch changes. Version-checked: never a silent overwrite.
 */
@Service()
export class PageWriter {
  constructor(
    @inject(ConfluencePages) private readonly pages: ConfluencePages,
    @inject(PageReader) private readonly reader: PageReader,
    @inject(PageBody) private readonly body: PageBody,
    @inject(ConfluenceUsers) private readonly users: ConfluenceUsers,
  ) {}

  async update(addr: PageAddress, edit: PageEdit): Promise<Written> {
    const mode = edit.mode ?? 'replace';
    if (edit.body === undefined && edit.title === undefined)
      throw new InputError('Nothing to update.', { hint: 'Pass body (Markdown), title, or both.' });
    if (edit.body === undefined && (edit.section !== undefined || mode !== 'replace'))
      throw new InputError('`section` and `mode` need `body`: the Markdown to put there.');
    const whole = edit.body !== undefined && edit.section === undefined && mode === 'replace';
    if (whole && edit.version === undefined)
      throw new InputError('Replacing the whole body needs `version`: the version you read.', {
        hint: 'Read the page (confluence_get_page) and pass its version; to change one part, use section or mode instead.',
      });
    const { bean, kind } = await this.reader.bean(addr);
    const current = bean.version?.number ?? 0;
    if (edit.version !== undefined && edit.version !== current)
      throw staleVersion(addr.id, edit.version, undefined, current);
    const storage = bean.body?.storage?.value ?? '';
    // The names the page was read with (cached by that read): placeholder ids depend on them.
    const names =
      edit.body === undefined ? new Map<string, string>() : await this.users.names(this.body.mentions(storage));
    const next =
      edit.body === undefined
        ? storage
        : whole
          ? await this.body.rewrite(storage, edit.body, names, confluenceDocument.page(addr.id))
          : await this.body.edit(
              storage,
              sectionEdit(edit.body, edit.section, mode),
              names,
              confluenceDocument.page(addr.id),
            );
    const title = edit.title ?? bean.title ?? '';
    const what = describe(edit, mode);
    if (next === storage && title === bean.title) return { bean, kind, changed: false, what };
    const written = await this.pages.update(addr.id, {
      kind,
      title,
      storage: next,
      current,
      message: edit.message,
      status: bean.status === 'draft' ? 'current' : undefined,
    });
    return { bean: written, kind, changed: true, what };
  }

  /** Creates a page or blog post (a lost answer is reconciled by its title, in the client). */
  async create(
    kind: PageKind,
    page: { spaceId: string; title: string; storage: string; parentId?: string },
  ): Promise<{ bean: PageBean }> {
    return { bean: await this.pages.create(kind, page) };
  }
}

function sectionEdit(
  markdown: string,
  section: string | undefined,
  mode: 'replace' | 'append' | 'prepend',
): SectionEditInput {
  if (section === undefined) return { op: mode === 'prepend' ? 'prepend' : 'append', markdown };
  if (mode === 'replace') return { op: 'replace_section', heading: section, markdown };
  return { op: mode === 'append' ? 'insert_after_section' : 'insert_before_section', heading: section, markdown };
}

function describe(edit: PageEdit, mode: string): string {
  const parts: string[] = [];
  if (edit.body !== undefined) {
    if (edit.section !== undefined)
      parts.push(
        mode === 'replace'
          ? `section "${edit.section}" replaced`
          : `added ${mode === 'append' ? 'after' : 'before'} section "${edit.section}"`,
      );
    else
      parts.push(
        mode === 'replace' ? 'body replaced' : `${mode === 'append' ? 'appended to' : 'prepended to'} the body`,
      );
  }
  if (edit.title !== undefined) parts.push('title set');
  return parts.join(', ');
}
