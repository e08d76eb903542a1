// CQL through `/wiki/rest/api/search` and `/content/search`: every field and operator the
// sandbox supports, relative dates, boolean logic, ORDER BY, space/attachment/comment results,
// excerpts with highlights, expansions, cursor paging, and clear 400s for invalid queries.
import { SEED_SNAPSHOT_NOW, startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import { byTitle, client } from './confluence-client';

const NOW = SEED_SNAPSHOT_NOW;
const DAY = 86_400_000;
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ listen: false, seedNow: NOW, now: () => NOW });
});
afterAll(() => sb.close());
const call = client(() => sb);

async function cql(query: string, extra = '') {
  const r = await call('GET', `/wiki/rest/api/search?cql=${encodeURIComponent(query)}&limit=100${extra}`, undefined, {
    validate: ['confluence-v1', 'searchByCQL'],
  });
  return r;
}
const titles = (r: { body: any }) => r.body.results.map((x: any) => (x.content?.title ?? x.space?.name) as string);
const contentOf = () => [...sb.site.confluence.contents.values()].filter((c) => c.status === 'current');

describe('CQL fields', () => {
  it('space and type', async () => {
    const r = await cql('space = OPS AND type = page');
    const expected = contentOf().filter(
      (c) => c.type === 'page' && c.spaceId === sb.site.confluence.spaceByKey('OPS')!.id,
    );
    expect(r.body.totalSize).toBe(expected.length);
    expect(
      r.body.results.every(
        (x: any) => x.content.type === 'page' && x.resultGlobalContainer.title === 'Platform Operations',
      ),
    ).toBe(true);
    const blogs = await cql('type = blogpost');
    expect(titles(blogs)).toEqual(expect.arrayContaining(['Nova 2.4 is out', 'How we cut CI time by a third']));
    const inList = await cql('space IN (NOVA, MKT) AND type IN (blogpost)');
    expect(new Set(inList.body.results.map((x: any) => x.resultGlobalContainer.title))).toEqual(
      new Set(['Nova Mobile App', 'Marketing']),
    );
  });

  it('title = and title ~, text ~ with stemming and phrases', async () => {
    expect(titles(await cql('title = "Release process"'))).toEqual(['Release process']);
    expect(titles(await cql('type = page AND title ~ "runbook*"'))).toContain('Runbooks');
    const text = await cql('type = page AND text ~ "idempotency keys"');
    expect(titles(text)).toEqual(
      expect.arrayContaining(['Orders service', 'ADR-002: Replay queue with exponential backoff']),
    );
    const phrase = await cql('text ~ "\\"keep mine / keep theirs\\""');
    expect(titles(phrase)).toContain('Conflict resolution strategies');
    expect((await cql('text ~ "zyzzyva"')).body.totalSize).toBe(0);
  });

  it('label, ancestor, parent, id', async () => {
    const adr = await cql('label = adr AND type = page ORDER BY title');
    expect(titles(adr)[0]).toBe('ADR-001: Use SQLite for the offline catalogue cache');
    const arch = byTitle(sb, 'Architecture');
    const deep = await cql(`ancestor = ${arch.id} AND type = page`);
    expect(titles(deep)).toEqual(expect.arrayContaining(['Conflict resolution strategies', 'GraphQL gateway']));
    expect(titles(deep)).not.toContain('Architecture');
    const parent = await cql(`parent = ${byTitle(sb, 'System overview').id}`);
    expect(new Set(titles(parent))).toEqual(new Set(['Mobile app architecture', 'Backend services']));
    const ids = await cql(`id IN (${arch.id}, ${byTitle(sb, 'Runbooks').id})`);
    expect(ids.body.totalSize).toBe(2);
  });

  it('creator, contributor, mention and currentUser()', async () => {
    const sam = sb.credentials.users.find((u) => u.displayName === 'Sam Okafor')!.accountId;
    const maya = sb.credentials.accountId;
    const bySam = await cql(`creator = "${sam}" AND type = page`);
    expect(bySam.body.totalSize).toBeGreaterThan(5);
    expect(titles(bySam)).toContain('Runbooks');
    const mine = await cql('creator = currentUser() AND type = page');
    expect(titles(mine)).toContain('Engineering Home');
    const contributed = await cql(`contributor = "${sam}" AND space = ENG AND type = page`);
    expect(titles(contributed)).toContain('System overview'); // created by Maya, edited by Sam
    const mentioned = await cql(`mention = "${maya}" AND type = page`);
    expect(mentioned.body.totalSize).toBeGreaterThan(0);
  });

  it('created and lastmodified with relative dates, functions and absolute dates', async () => {
    const week = await cql('type = page AND lastmodified >= now("-7d")');
    const expected = contentOf().filter(
      (c) => c.type === 'page' && c.versions[c.versions.length - 1]!.createdAt >= NOW - 7 * DAY,
    );
    expect(week.body.totalSize).toBe(expected.length);
    expect(week.body.totalSize).toBeGreaterThan(0);
    const old = await cql('type = page AND created < now("-300d")');
    expect(titles(old)).toContain('Engineering Home');
    const day = new Date(NOW - 27 * DAY).toISOString().slice(0, 10);
    const onDay = await cql(`type = page AND created = "${day}"`);
    expect(onDay.body.results.every((x: any) => x.content)).toBe(true);
    const startOfMonth = await cql('type = blogpost AND created >= startOfMonth("-1M")');
    expect(startOfMonth.body.totalSize).toBeGreaterThan(0);
  });

  it('AND / OR / NOT with parentheses, ORDER BY', async () => {
    const r = await cql('(space = OPS OR space = MKT) AND NOT label = runbook AND type = page ORDER BY title DESC');
    const t = titles(r);
    expect(t).toEqual([...t].sort((a, b) => b.localeCompare(a)));
    expect(t).not.toContain('Failing over the primary database');
    expect(t).toContain('Press kit');
    const created = await cql('space = ENG AND type = page ORDER BY created ASC');
    expect(titles(created)[0]).toBe('Engineering Home');
    const modified = await cql('type = page ORDER BY lastmodified DESC', '&expand=content.version');
    const whens = modified.body.results.map((x: any) => Date.parse(x.content.version.when));
    expect(whens).toEqual([...whens].sort((a, b) => b - a));
  });
});

describe('search results', () => {
  it('carry excerpts with highlights, containers, last modified and requested expansions', async () => {
    const r = await cql('text ~ "pg_upgrade"', '&expand=content.space,content.version,content.history');
    const hit = r.body.results.find((x: any) => x.content?.title === 'ADR-004: Postgres 16 upgrade strategy');
    expect(hit.excerpt).toContain('@@@hl@@@pg_upgrade@@@endhl@@@');
    expect(hit.content.space).toMatchObject({ key: 'ENG', name: 'Engineering' });
    expect(hit.content.version).toMatchObject({ number: 1, by: { displayName: 'Jonas Weber' } });
    expect(hit.content.history.createdBy.displayName).toBe('Jonas Weber');
    expect(hit.lastModified).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(hit.url).toMatch(/^\/spaces\/ENG\/pages\/\d+\//);
    const plain = await cql('text ~ "pg_upgrade"', '&excerpt=indexed');
    expect(JSON.stringify(plain.body)).not.toContain('@@@hl@@@');
  });

  it('type = space returns spaces; text searches include matching spaces', async () => {
    const r = await cql('type = space');
    expect(r.body.results.every((x: any) => x.entityType === 'space')).toBe(true);
    expect(titles(r)).toEqual(expect.arrayContaining(['Engineering', 'Platform Operations', 'Marketing']));
    const text = await cql('text ~ "runbooks"');
    expect(text.body.results.some((x: any) => x.entityType === 'space' && x.space.key === 'OPS')).toBe(true);
  });

  it('attachments and comments are results with their page as parent container', async () => {
    const att = await cql('type = attachment AND title ~ "csv"');
    expect(att.body.results.map((x: any) => x.content.title)).toEqual(
      expect.arrayContaining(['ci-timings.csv', 'device-matrix.csv']),
    );
    const dm = att.body.results.find((x: any) => x.content.title === 'device-matrix.csv');
    expect(dm.resultParentContainer.title).toBe('Device matrix');
    expect(dm.content._links.download).toMatch(/^\/download\/attachments\/\d+\/device-matrix\.csv\?version=2/);
    const comments = await cql('type = comment AND text ~ "idempotency"');
    expect(comments.body.results[0].resultParentContainer.title).toBe('Offline sync design');
  });

  it('pages with a cursor in _links.next', async () => {
    const first = await call(
      'GET',
      `/wiki/rest/api/search?cql=${encodeURIComponent('type = page ORDER BY title')}&limit=10`,
    );
    expect(first.body.size).toBe(10);
    expect(first.body.totalSize).toBeGreaterThan(60);
    expect(first.body._links.next).toMatch(/^\/rest\/api\/search\?next=true&cursor=/);
    const second = await call('GET', `/wiki${first.body._links.next}`);
    expect(second.body.start).toBe(10);
    expect(second.body.results[0].content.title >= first.body.results[9].content.title).toBe(true);
  });

  it('/content/search answers the same query as content', async () => {
    const r = await call(
      'GET',
      `/wiki/rest/api/content/search?cql=${encodeURIComponent('label = postmortem AND type = page')}&expand=space`,
      undefined,
      {
        validate: ['confluence-v1', 'searchContentByCQL'],
      },
    );
    expect(r.body.results.length).toBeGreaterThanOrEqual(3);
    expect(r.body.results[0].space.key).toBe('OPS');
  });
});

describe('invalid CQL is a 400 that says what is wrong', () => {
  it.each([
    ['type = page AND (', /Expected a field name/],
    ['type = page AND title', /Expected an operator/],
    ['foo = bar', /No field exists with the name 'foo'/],
    ['text = "x"', /operator '=' is not supported for the field 'text'/],
    ['created > "yesterday-ish"', /Date value/],
    ['type = page ORDER BY colour', /Cannot order by 'colour'/],
    ['type = gadget', /'gadget' is not a content type/],
    ['title ~ "unterminated', /Unterminated string/],
    ['space in ENG', /needs a list in parentheses/],
    ['lastmodified > frobnicate()', /function 'frobnicate' is not supported/],
  ])('%s', async (query, hint) => {
    const r = await call('GET', `/wiki/rest/api/search?cql=${encodeURIComponent(query)}`);
    expect(r.status).toBe(400);
    expect(r.body.message).toBe(
      `com.atlassian.confluence.api.service.exceptions.BadRequestException: Could not parse cql : ${query}`,
    );
    expect(r.body.data.errors[0].message.translation).toMatch(hint);
  });
});
