import type { Sandbox } from '@atlassian-mcp/sandbox';

/** Plausible argument values by argument name, pointing at real things in the sandbox. */
export type Samples = Record<string, unknown>;

/** Calls the sandbox's REST API as its admin. */
export async function rest<T>(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<T> {
  const res = await sandbox.fetch(`${sandbox.siteUrl}${path}`, {
    method,
    headers: { authorization: sandbox.basicAuth(), accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/**
 * Gives one Jira issue a comment, a worklog and an attachment, makes that the sandbox's reset
 * point, and returns argument values that name them. Values for other products go here too.
 */
export async function prepareSamples(sandbox: Sandbox): Promise<Samples> {
  const jira = sandbox.site.jira;
  const project = jira.projectsByKey.get('NOVA')!;
  const issues = [...jira.issues.values()].filter((i) => i.fields.project === project.id);
  const issue = issues.find((i) => !i.fields.parent && !jira.childrenByParent.get(i.id)?.size)!;
  const other = issues.find((i) => i !== issue)!;
  const epic = issues.find((i) => jira.issueTypes.get(i.fields.issuetype)?.name === 'Epic')!;
  const comment = await rest<{ id: string }>(sandbox, 'POST', `/rest/api/3/issue/${issue.key}/comment`, {
    body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'sample' }] }] },
  });
  const worklog = await rest<{ id: string }>(sandbox, 'POST', `/rest/api/3/issue/${issue.key}/worklog`, {
    timeSpentSeconds: 3600,
    started: '2026-10-01T09:00:00.000+0000',
  });
  const attachment = [...jira.attachments.values()][0]!;
  await rest(sandbox, 'POST', `/rest/api/3/issue/${issue.key}/watchers`, sandbox.credentials.accountId);
  const transitions = await rest<{ transitions: Array<{ name: string }> }>(
    sandbox,
    'GET',
    `/rest/api/3/issue/${issue.key}/transitions`,
  );
  const link = [...jira.issueLinks.values()][0]!;
  const [linkedKey, linkedOtherKey] = [link.inwardIssueId, link.outwardIssueId].map((id) => jira.issues.get(id)!.key);
  const otherUser = [...jira.users.values()].find(
    (u) => u.active && u.accountType === 'atlassian' && u.accountId !== sandbox.credentials.accountId,
  )!;
  const version = [...jira.versions.values()].find((v) => v.projectId === project.id)!;
  const board = [...jira.boards.values()].find((b) => b.projectId === project.id)!;
  const sprint = [...jira.sprints.values()].find((s) => s.originBoardId === board.id && s.state === 'future')!;
  const active = [...jira.sprints.values()].find((s) => s.originBoardId === board.id && s.state === 'active')!;
  const wiki = sandbox.site.confluence;
  const eng = [...wiki.spaces.values()].find((s) => s.key === 'ENG')!;
  const wikiPage = [...wiki.contents.values()].find((c) => c.title === 'Engineering running log')!;
  const wikiByTitle = (title: string) => [...wiki.contents.values()].find((c) => c.title === title)!;
  sandbox.loadSnapshot(sandbox.snapshot());
  return {
    issueKey: issue.key,
    otherKey: other.key,
    issueKeys: [issue.key],
    issues: [issue.key],
    before: other.key,
    epic: epic.key,
    parent: epic.key,
    commentId: comment.id,
    worklogId: worklog.id,
    attachmentId: attachment.id,
    versionId: version.id,
    project: project.key,
    projectKey: project.key,
    boardId: board.id,
    sprintId: sprint.id,
    activeSprintId: active.id,
    linkedKey,
    linkedOtherKey,
    otherUser: otherUser.emailAddress,
    otherAccountId: otherUser.accountId,
    jql: `project = ${project.key}`,
    query: 'a',
    to: transitions.transitions[0]!.name,
    type: 'Task',
    summary: 'Sample summary',
    body: 'Sample body',
    timeSpent: '1h',
    url: 'https://example.com/sample',
    title: 'Sample link',
    name: 'Sample name',
    user: 'me',
    assignee: 'me',
    base64: Buffer.from('sample').toString('base64'),
    filename: 'sample.txt',
    // Confluence
    pageId: wikiPage.id,
    spaceKey: eng.key,
    wikiLeafId: wikiByTitle('Orders service').id,
    wikiTargetId: wikiByTitle('Onboarding').id,
    wikiCommentId: [...wiki.comments.values()].find((c) => c.kind === 'footer' && c.status === 'current')!.id,
    wikiAttachmentId: [...wiki.attachments.values()].find((a) => a.status === 'current')!.id,
    // Argument names a plugin shares with another, with values of its own product.
    byPlugin: {
      confluence: {
        commentId: [...wiki.comments.values()].find((c) => c.kind === 'footer' && c.status === 'current')!.id,
        attachmentId: [...wiki.attachments.values()].find((a) => a.status === 'current')!.id,
        templateId: [...wiki.templates.values()][0]!.templateId,
        type: 'page',
        to: 2,
      },
      // A JSM read needs a request, not a Jira issue.
      'service-desk': {
        issueKey: 'ITS-1',
        aql: 'objectType = Server',
        objectId: 'ITAM-15',
        // Public writes echo the customer's name on the confirmation line.
        public: true,
        queueId: [...sandbox.site.jsm.queues.values()].find((q) => q.serviceDeskId === '1')!.id,
      },
    },
    // Service Management: the IT desk and its "Get IT help" request type (issueKey above names a
    // Jira issue, which the servicedeskapi answers with 404: enough for the path checks).
    serviceDeskId: '1',
    requestTypeId: '1',
    transition: 'Cancel request',
    // A URI to read for each resource template whose variables the names above do not fill.
    resourceUris: {
      'servicedesk://desk/{id}': 'servicedesk://desk/1',
      'servicedesk://request/{key}': 'servicedesk://request/ITS-1',
      'jira://sprint/{id}': `jira://sprint/${sprint.id}`,
      'jira://user/{name}': `jira://user/${encodeURIComponent(otherUser.accountId)}`,
      // A knowledge-base article is a Confluence page.
      'servicedesk://kb/{articleId}': `servicedesk://kb/${
        [...sandbox.site.confluence.contents.values()].find((c) => c.type === 'page' && c.status === 'current')!.id
      }`,
    },
  };
}

/** The samples as one plugin's tools take them (its own values for names it shares with others). */
export function samplesFor(samples: Samples, pluginId: string): Samples {
  const own = (samples.byPlugin as Record<string, Samples> | undefined)?.[pluginId];
  return own ? { ...samples, ...own } : samples;
}
