import { startJiraSite, type JiraSite } from './jira-site.js';

// A cursor is bound to the query it pages through: replayed with other arguments it is refused,
// never silently turned into a page of something else.
describe('cursors are bound to their query', () => {
  let site: JiraSite;
  beforeAll(async () => {
    site = await startJiraSite();
  });
  afterAll(async () => site.close());

  it('jira_list_projects: a cursor from one name filter is refused with another', async () => {
    const first = await site.ok('jira_list_projects', { limit: 1 });
    expect(first.structured.nextCursor).toBeDefined();
    expect(await site.fails('jira_list_projects', { query: 'Ops', cursor: first.structured.nextCursor })).toMatch(
      /belongs to another query/,
    );
    const second = await site.ok('jira_list_projects', { limit: 1, cursor: first.structured.nextCursor });
    expect(second.structured.projects).toHaveLength(1);
  });

  it("jira_get_changelog: one issue's history cursor is refused for another issue", async () => {
    const first = await site.ok('jira_get_changelog', { issueKey: 'NOVA-1', limit: 1 });
    expect(first.structured.nextCursor).toBeDefined();
    expect(
      await site.fails('jira_get_changelog', { issueKey: 'NOVA-2', limit: 1, cursor: first.structured.nextCursor }),
    ).toMatch(/belongs to another query/);
  });

  it('jira_list_agile_issues: a sprint cursor is refused for a board', async () => {
    const boards = await site.ok('jira_list_boards', {});
    const boardId = (boards.structured.boards as Array<{ id: number }>)[0]!.id;
    const first = await site.ok('jira_list_agile_issues', { boardId, limit: 1 });
    expect(first.structured.nextCursor).toBeDefined();
    expect(
      await site.fails('jira_list_agile_issues', {
        boardId,
        backlog: true,
        limit: 1,
        cursor: first.structured.nextCursor,
      }),
    ).toMatch(/belongs to another query/);
  });
});
