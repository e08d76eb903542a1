// Knowledge-base search (articles are pages of the Confluence spaces linked to the desks), the
// temporary-attachment flow (upload, attach as public or internal), and the shared machinery on
// JSM routes: fault injection, the request log, OAuth scopes.
import { startJsmSite, type JsmSite } from './jsm-site';

let s: JsmSite;
beforeAll(async () => {
  s = await startJsmSite();
});
afterAll(() => s.sb.close());

const SD = '/rest/servicedeskapi';

describe('knowledge base', () => {
  it('searches every desk the caller can use; all words must match; titles rank first', async () => {
    const r = await s.call('GET', `${SD}/knowledgebase/article?query=vpn`, { as: 'priya' });
    expect(r.status).toBe(200);
    expect(r.body.values.map((a: any) => a.title)).toEqual(['Connect to the VPN from macOS or Windows']);
    const page = [...s.sb.site.confluence.contents.values()].find(
      (c) => c.title === 'Connect to the VPN from macOS or Windows',
    )!;
    expect(r.body.values[0]).toEqual({
      title: 'Connect to the VPN from macOS or Windows',
      excerpt: expect.stringContaining('VPN'),
      source: { type: 'confluence', pageId: page.id, spaceKey: 'ITKB' },
      content: { iframeSrc: expect.stringContaining(`/servicedesk/customer/portal/1/article/${page.id}`) },
    });
    const payroll = await s.call('GET', `${SD}/knowledgebase/article?query=payroll`, { as: 'priya' });
    expect(payroll.body.values.map((a: any) => a.source.spaceKey)).toEqual(['HRKB', 'HRKB', 'HRKB']);
    expect((await s.call('GET', `${SD}/knowledgebase/article?query=payroll`, { as: 'alex' })).body.values).toEqual([]);
    expect(
      (await s.call('GET', `${SD}/knowledgebase/article?query=reset%20mfa`, { as: 'alex' })).body.values,
    ).toHaveLength(1);
  });

  it('searches one desk, highlights on request, and needs a query', async () => {
    const r = await s.call('GET', `${SD}/servicedesk/2/knowledgebase/article?query=leave&highlight=true`, {
      as: 'eli',
    });
    expect(r.body.values.map((a: any) => a.title)).toEqual(['How to request time off']);
    expect(r.body.values[0].excerpt).toContain('@@@hl@@@leave@@@endhl@@@');
    expect((await s.call('GET', `${SD}/servicedesk/1/knowledgebase/article?query=leave`)).body.values).toEqual([]);
    const none = await s.call('GET', `${SD}/knowledgebase/article`);
    expect(none.status).toBe(400);
    expect(none.body.i18nErrorMessage.parameters).toContain('query');
  });
});

describe('knowledge base backed by Confluence', () => {
  const wiki = '/wiki/api/v2';

  it('every search hit is a page of the space linked to its desk, readable through Confluence', async () => {
    const spaces = await s.call('GET', `${wiki}/spaces?keys=ITKB,HRKB`);
    expect(spaces.body.results.map((x: any) => [x.key, x.type])).toEqual([
      ['ITKB', 'knowledge_base'],
      ['HRKB', 'knowledge_base'],
    ]);
    for (const [desk, query, key] of [
      ['1', 'zoom', 'ITKB'],
      ['2', 'payroll', 'HRKB'],
    ] as const) {
      const hits = (await s.call('GET', `${SD}/servicedesk/${desk}/knowledgebase/article?query=${query}`)).body.values;
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) {
        expect(hit.source.spaceKey).toBe(key);
        const page = await s.call('GET', `${wiki}/pages/${hit.source.pageId}?body-format=storage`);
        expect(page.status).toBe(200);
        expect(page.body.title).toBe(hit.title);
        expect(page.body.spaceId).toBe(spaces.body.results.find((x: any) => x.key === key).id);
        expect(page.body.body.storage.value).toContain(hit.excerpt.slice(0, 20));
      }
    }
    // The space homepage is not an article.
    const home = spaces.body.results[0].homepageId;
    const all = (await s.call('GET', `${SD}/servicedesk/1/knowledgebase/article?query=the&limit=50`)).body.values;
    expect(all.map((a: any) => a.source.pageId)).not.toContain(home);
  });

  it('a page added to a linked space is an article; a page elsewhere or restricted is not', async () => {
    const space = s.sb.site.confluence.spaceByKey('ITKB')!;
    const create = (spaceId: string, title: string) =>
      s.call('POST', `${wiki}/pages`, {
        body: {
          spaceId,
          title,
          body: { representation: 'storage', value: '<p>Hold the <strong>kettle</strong> button for ten seconds.</p>' },
        },
      });
    const added = await create(space.id, 'Descale the office kettle');
    expect(added.status).toBe(200);
    await create(s.sb.site.confluence.spaceByKey('ENG')!.id, 'Kettle etiquette');
    const hits = (await s.call('GET', `${SD}/knowledgebase/article?query=kettle`, { as: 'priya' })).body.values;
    expect(hits.map((a: any) => [a.title, a.source.pageId])).toEqual([['Descale the office kettle', added.body.id]]);
    expect(hits[0].excerpt).toBe('Hold the kettle button for ten seconds.');
    s.sb.site.confluence.contents.get(added.body.id)!.restrictions = { read: [s.accountId('maya')] };
    expect((await s.call('GET', `${SD}/knowledgebase/article?query=kettle`)).body.values).toEqual([]);
    s.sb.reset();
    expect((await s.call('GET', `${SD}/knowledgebase/article?query=kettle`)).body.values).toEqual([]);
  });
});

describe('temporary attachments', () => {
  const upload = async (
    as: 'alex' | 'sam',
    files: Array<[string, string]>,
    headers: Record<string, string> = { 'x-atlassian-token': 'no-check' },
  ) => {
    const form = new FormData();
    for (const [name, text] of files) form.append('file', new Blob([text], { type: 'text/plain' }), name);
    const res = await s.sb.fetch(`${SD}/servicedesk/1/attachTemporaryFile`, {
      method: 'POST',
      headers: {
        authorization: s.sb.basicAuth(
          `${as === 'alex' ? 'alex.morgan@acme-retail.example' : 'sam.okafor@nimbus-works.example'}`,
        ),
        ...headers,
      },
      body: form,
    });
    return { status: res.status, body: (await res.text()) as string };
  };

  it('refuses an upload without the XSRF header', async () => {
    const r = await upload('alex', [['a.txt', 'x']], {});
    expect(r.status).toBe(403);
    expect(r.body).toBe('XSRF check failed');
  });

  it('uploads, then attaches publicly with a comment the customer sees', async () => {
    const up = await upload('alex', [['screenshot.txt', 'mail app: no new messages']]);
    expect(up.status).toBe(201);
    const temp = JSON.parse(up.body).temporaryAttachments;
    expect(temp).toEqual([{ temporaryAttachmentId: expect.stringMatching(/^temp\d+$/), fileName: 'screenshot.txt' }]);
    const r = await s.call('POST', `${SD}/request/ITS-2/attachment`, {
      as: 'alex',
      body: {
        temporaryAttachmentIds: [temp[0].temporaryAttachmentId],
        public: true,
        additionalComment: { body: 'Screenshot attached.' },
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.attachments.values).toMatchObject([{ filename: 'screenshot.txt', size: 25, mimeType: 'text/plain' }]);
    expect(r.body.comment).toMatchObject({ body: 'Screenshot attached.', public: true, attachments: { size: 1 } });
    const list = await s.call('GET', `${SD}/request/ITS-2/attachment`, { as: 'alex' });
    expect(list.body.values.map((a: any) => a.filename)).toEqual(['screenshot.txt']);
    const content = await s.sb.fetch(new URL(list.body.values[0]._links.content).pathname, {
      headers: { authorization: s.sb.basicAuth('alex.morgan@acme-retail.example') },
    });
    expect(await content.text()).toBe('mail app: no new messages');
    // A temporary attachment is used once.
    const again = await s.call('POST', `${SD}/request/ITS-2/attachment`, {
      as: 'alex',
      body: { temporaryAttachmentIds: [temp[0].temporaryAttachmentId], public: true },
    });
    expect(again.status).toBe(400);
    // Jira sees the attachment on the issue.
    expect(
      (await s.call('GET', '/rest/api/3/issue/ITS-2?fields=attachment')).body.fields.attachment.map(
        (a: any) => a.filename,
      ),
    ).toContain('screenshot.txt');
  });

  it('an agent attaches internally: the customer never sees the file', async () => {
    const temp = JSON.parse(
      (await upload('sam', [['mail-server.log', 'IMAP idle timeouts']])).body,
    ).temporaryAttachments;
    const r = await s.call('POST', `${SD}/request/ITS-2/attachment`, {
      as: 'sam',
      body: {
        temporaryAttachmentIds: [temp[0].temporaryAttachmentId],
        public: false,
        additionalComment: { body: 'Server log.' },
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.comment.public).toBe(false);
    const agent = (await s.call('GET', `${SD}/request/ITS-2/attachment`, { as: 'sam' })).body.values.map(
      (a: any) => a.filename,
    );
    const customer = (await s.call('GET', `${SD}/request/ITS-2/attachment`, { as: 'alex' })).body.values.map(
      (a: any) => a.filename,
    );
    expect(agent).toEqual(['screenshot.txt', 'mail-server.log']);
    expect(customer).toEqual(['screenshot.txt']);
    const id = new URL(r.body.attachments.values[0]._links.self).pathname.split('/').pop();
    expect((await s.call('GET', `${SD}/request/ITS-2/attachment/${id}`, { as: 'alex' })).status).toBe(404);
    const customerInternal = await s.call('POST', `${SD}/request/ITS-2/attachment`, {
      as: 'alex',
      body: { temporaryAttachmentIds: ['temp1'], public: false },
    });
    expect(customerInternal.status).toBe(403);
  });

  it('attaches files when creating a request through the attachment field', async () => {
    const temp = JSON.parse((await upload('alex', [['error.txt', 'Error 0x80070005']])).body).temporaryAttachments;
    const r = await s.call('POST', `${SD}/request`, {
      as: 'alex',
      body: {
        serviceDeskId: '1',
        requestTypeId: '1',
        requestFieldValues: { summary: 'Update fails', attachment: [temp[0].temporaryAttachmentId] },
      },
    });
    expect(r.status).toBe(201);
    const files = await s.call('GET', `${SD}/request/${r.body.issueKey}/attachment`, { as: 'alex' });
    expect(files.body.values.map((a: any) => a.filename)).toEqual(['error.txt']);
  });
});

describe('shared machinery on JSM routes', () => {
  it('logs operations and injects faults by operationId', async () => {
    s.sb.requests.clear();
    const [id] = s.sb.faults.set({
      type: 'rateLimit',
      match: { operationId: 'getCustomerRequests' },
      times: 1,
      retryAfter: 2,
    });
    const limited = await s.call('GET', `${SD}/request`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await s.call('GET', `${SD}/request`)).status).toBe(200);
    s.sb.faults.clear(id);
    expect(s.sb.requests.map((r) => [r.operationId, r.status])).toEqual([
      ['getCustomerRequests', 429],
      ['getCustomerRequests', 200],
    ]);
  });

  it('enforces the classic and granular scopes of each operation through the gateway', async () => {
    const gw = `/ex/jira/${s.sb.credentials.cloudId}${SD}`;
    const call = async (scopes: string[], path: string, init: RequestInit = {}) => {
      const { access_token } = s.sb.oauth.issueTokens({ scopes });
      return (
        await s.sb.fetch(`${gw}${path}`, {
          ...init,
          headers: {
            authorization: `Bearer ${access_token}`,
            'x-experimentalapi': 'opt-in',
            'content-type': 'application/json',
          },
        })
      ).status;
    };
    expect(await call(['read:servicedesk-request'], '/request/ITS-1')).toBe(200);
    expect(await call(['read:request:jira-service-management', 'read:user:jira'], '/request/ITS-1')).toBe(200);
    expect(
      await call(['read:servicedesk-request'], '/request/ITS-1/comment', { method: 'POST', body: '{"body":"x"}' }),
    ).toBe(401);
    expect(
      await call(['write:servicedesk-request'], '/request/ITS-1/comment', { method: 'POST', body: '{"body":"x"}' }),
    ).toBe(201);
    expect(await call(['read:servicedesk-request'], '/organization')).toBe(401);
    expect(await call(['manage:servicedesk-customer'], '/organization')).toBe(200);
    expect(await call(['read:knowledgebase:jira-service-management'], '/knowledgebase/article?query=vpn')).toBe(200);
  });
});
