import { InputError, pager } from '@atlassian-mcp/core';

describe('pager: query-bound cursors over the four Atlassian page styles', () => {
  it('offset: pages on while Jira says there is more, and stops on the last page', () => {
    const first = pager('jira.comments', undefined, { issueKey: 'NOVA-1' });
    expect(first.offset(2)).toEqual({ startAt: 0, maxResults: 2 });
    const page = first.offsetPage({ startAt: 0, maxResults: 2, total: 3, comments: [1, 2] }, 'comments');
    expect(page.items).toEqual([1, 2]);
    const second = pager('jira.comments', page.nextCursor, { issueKey: 'NOVA-1' });
    expect(second.offset(2)).toEqual({ startAt: 2, maxResults: 2 });
    expect(second.offsetPage({ startAt: 2, total: 3, comments: [3] }, 'comments').nextCursor).toBeUndefined();
    // isLast style (agile, project search) and "neither": a short page is the last.
    expect(first.offsetPage({ startAt: 0, isLast: true, values: [1] }).nextCursor).toBeUndefined();
    expect(first.offsetPage({ startAt: 0, isLast: false, values: [1] }).nextCursor).toBeDefined();
    expect(first.offsetPage({ startAt: 0, maxResults: 5, values: [1] }).nextCursor).toBeUndefined();
  });

  it('refuses a cursor replayed with other arguments (another issue, JQL, board) as an InputError', () => {
    const page = pager('jira.comments', undefined, { issueKey: 'NOVA-1' }).offsetPage(
      {
        startAt: 0,
        total: 9,
        comments: [1],
      },
      'comments',
    );
    expect(page.nextCursor).toBeDefined();
    expect(() => pager('jira.comments', page.nextCursor, { issueKey: 'OPS-1' }).offset(5)).toThrow(
      /belongs to another query/,
    );
    expect(() => pager('jira.worklogs', page.nextCursor, { issueKey: 'NOVA-1' }).offset(5)).toThrow(InputError);
    const search = pager('jira.search', undefined, { jql: 'project = NOVA' }).tokenPage({ nextPageToken: 't1' });
    expect(pager('jira.search', search.nextCursor, { jql: 'project = NOVA' }).token()).toEqual({ nextPageToken: 't1' });
    expect(() => pager('jira.search', search.nextCursor, { jql: 'project = OPS' }).token()).toThrow(InputError);
  });

  it('treats argument order and undefined values as the same query', () => {
    const page = pager('x', undefined, { a: 1, b: 'two', c: undefined }).jsmPage({
      start: 0,
      size: 1,
      isLastPage: false,
      values: [1],
    });
    expect(pager('x', page.nextCursor, { b: 'two', a: 1 }).jsm(10)).toEqual({ start: 1, limit: 10 });
  });

  it('link: keeps only a same-site relative next link, minus the gateway prefix', () => {
    const p = pager('confluence.pages', undefined, { spaceId: '1' });
    const page = p.linkPage({ results: [1], _links: { next: '/ex/confluence/abc/wiki/api/v2/pages?cursor=Z' } });
    expect(pager('confluence.pages', page.nextCursor, { spaceId: '1' }).link('/wiki/api/v2/pages')).toBe(
      '/wiki/api/v2/pages?cursor=Z',
    );
    expect(p.linkPage({ results: [1], _links: { next: 'https://evil.example//x/../y' } }).nextCursor).toBeUndefined();
  });

  it('refuses garbage', () => {
    expect(() => pager('x', '%%%', {}).offset(1)).toThrow(InputError);
  });
});
