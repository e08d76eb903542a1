import { InputError } from '@atlassian-mcp/core';
import type { FieldCatalog } from '../../src/fields/field-catalog.js';
import type { FieldMeta } from '../../src/fields/field-meta.js';
import { FieldValueResolver } from '../../src/fields/field-value-resolver.js';
import { IssueFieldResolver } from '../../src/fields/issue-field-resolver.js';
import type { SprintResolver } from '../../src/fields/sprint-resolver.js';
import type { UserResolver } from '../../src/fields/user-resolver.js';
import type { TeamResolver } from '../../src/fields/team-resolver.js';
import type { JiraRichText } from '../../src/content/jira-rich-text.js';
import type { JiraIssues } from '../../src/client/jira-issues.js';

const meta: FieldMeta[] = [
  { id: 'summary', name: 'Summary', required: true, hasDefault: false, schema: { type: 'string', system: 'summary' } },
  {
    id: 'customfield_10016',
    name: 'Story Points',
    required: false,
    hasDefault: false,
    schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' },
  },
  {
    id: 'customfield_10050',
    name: 'Team',
    required: true,
    hasDefault: false,
    schema: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select' },
    allowedValues: [
      { id: '1', value: 'Platform' },
      { id: '2', value: 'Mobile' },
    ],
  },
  {
    id: 'customfield_10060',
    name: 'Area',
    required: false,
    hasDefault: false,
    schema: { type: 'option-with-child', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:cascadingselect' },
    allowedValues: [
      {
        id: '10',
        value: 'Backend',
        children: [
          { id: '11', value: 'API' },
          { id: '12', value: 'DB' },
        ],
      },
    ],
  },
  {
    id: 'components',
    name: 'Components',
    required: false,
    hasDefault: false,
    schema: { type: 'array', items: 'component', system: 'components' },
    allowedValues: [
      { id: '100', name: 'API' },
      { id: '101', name: 'Web' },
    ],
  },
  {
    id: 'fixVersions',
    name: 'Fix versions',
    required: true,
    hasDefault: false,
    schema: { type: 'array', items: 'version', system: 'fixVersions' },
    allowedValues: [
      { id: '200', name: '1.2' },
      { id: '201', name: '1.3' },
    ],
  },
  {
    id: 'labels',
    name: 'Labels',
    required: false,
    hasDefault: false,
    schema: { type: 'array', items: 'string', system: 'labels' },
  },
  {
    id: 'assignee',
    name: 'Assignee',
    required: false,
    hasDefault: false,
    schema: { type: 'user', system: 'assignee' },
  },
  {
    id: 'customfield_10020',
    name: 'Sprint',
    required: false,
    hasDefault: false,
    schema: { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint' },
  },
  {
    id: 'description',
    name: 'Description',
    required: false,
    hasDefault: false,
    schema: { type: 'string', system: 'description' },
  },
  { id: 'duedate', name: 'Due date', required: false, hasDefault: false, schema: { type: 'date', system: 'duedate' } },
  {
    id: 'priority',
    name: 'Priority',
    required: true,
    hasDefault: true,
    schema: { type: 'priority', system: 'priority' },
    allowedValues: [
      { id: '3', name: 'Medium' },
      { id: '2', name: 'High' },
    ],
  },
];

const users = {
  accountId: jest.fn(async (who: string) => (who === 'jane@acme.com' ? 'acc-jane' : `acc-${who}`)),
} as unknown as UserResolver;
const sprints = {
  sprintId: jest.fn(async (v: unknown) => (v === 'Sprint 12' ? 37 : Number(v))),
} as unknown as SprintResolver;
const content = {
  raw: jest.fn((doc: object) => {
    if ((doc as { type?: string }).type !== 'doc') throw new Error('not ADF');
    return doc;
  }),
  toAdf: jest.fn((md: string) => ({
    type: 'doc',
    version: 1,
    content: [{ type: 'paragraph', content: [{ type: 'text', text: md }] }],
  })),
} as unknown as JiraRichText;
const catalog = {
  find: jest.fn(async (name: string) =>
    name.toLowerCase() === 'environment' ? { id: 'environment', name: 'Environment' } : undefined,
  ),
  similar: jest.fn(async () => ['Story Points']),
} as unknown as FieldCatalog;

const teams = { teamId: jest.fn(async () => 'team-uuid') } as unknown as TeamResolver;
const issues = { get: jest.fn() } as unknown as JiraIssues;
const resolver = new IssueFieldResolver(catalog, new FieldValueResolver(users, sprints, teams, content, issues));
const scope = { projectKey: 'ENG' };

describe('IssueFieldResolver', () => {
  it('resolves display names to ids and values to Jira JSON', async () => {
    const out = await resolver.resolve(
      {
        'Story Points': '5',
        team: 'platform',
        Area: 'Backend > API',
        Components: ['API'],
        'Fix versions': '1.3',
        Labels: ['a', 'b'],
        Assignee: 'jane@acme.com',
        Sprint: 'Sprint 12',
        Description: '**bold**',
        'Due date': '2026-12-01',
      },
      meta,
      scope,
      'create screen of ENG Bug',
    );
    expect(out).toEqual({
      customfield_10016: 5,
      customfield_10050: { id: '1' },
      customfield_10060: { id: '10', child: { id: '11' } },
      components: [{ id: '100' }],
      fixVersions: [{ id: '201' }],
      labels: ['a', 'b'],
      assignee: { accountId: 'acc-jane' },
      customfield_10020: 37,
      description: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: '**bold**' }] }],
      },
      duedate: '2026-12-01',
    });
  });

  it('accepts field ids and raw Jira JSON as an escape hatch; raw rich text is schema-checked', async () => {
    expect(await resolver.resolve({ customfield_10050: { id: '2' } }, meta, scope, 's')).toEqual({
      customfield_10050: { id: '2' },
    });
    const adf = { type: 'doc', version: 1, content: [] };
    expect(await resolver.resolve({ Description: adf }, meta, scope, 's')).toEqual({ description: adf });
    await expect(resolver.resolve({ Description: { type: 'paragraph' } }, meta, scope, 's')).rejects.toThrow('not ADF');
  });

  it('answers a bad option with the allowed values', async () => {
    const err = await resolver.resolve({ Team: 'Platfrom' }, meta, scope, 's').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toBe(
      `Field 'Team': "Platfrom" is not an allowed value; allowed: Platform, Mobile.`,
    );
  });

  it('answers a bad cascading child with the children of that parent', async () => {
    await expect(resolver.resolve({ Area: 'Backend > UI' }, meta, scope, 's')).rejects.toThrow('allowed: API, DB');
  });

  it('rejects a number field given text, and a malformed date', async () => {
    await expect(resolver.resolve({ 'Story Points': 'five' }, meta, scope, 's')).rejects.toThrow(
      `Field 'Story Points': "five" is not a number.`,
    );
    await expect(resolver.resolve({ 'Due date': '1/12/2026' }, meta, scope, 's')).rejects.toThrow(
      'is not a date (YYYY-MM-DD)',
    );
  });

  it('says when a known field is not on the screen, and suggests names for unknown ones', async () => {
    await expect(resolver.resolve({ Environment: 'prod' }, meta, scope, 'create screen of ENG Bug')).rejects.toThrow(
      "Field 'Environment' cannot be set on the create screen of ENG Bug.",
    );
    const err = (await resolver.resolve({ 'Story Pts': 3 }, meta, scope, 's').catch((e: unknown) => e)) as InputError;
    expect(err.message).toBe("Unknown field 'Story Pts'.");
    expect(err.hint).toContain('Story Points');
  });

  it('lists every missing required field with its allowed values (defaults and tool-set fields excluded)', () => {
    let err: InputError | undefined;
    try {
      resolver.assertRequired(meta, ['summary', 'project', 'issuetype'], 'create screen of ENG Bug');
    } catch (e) {
      err = e as InputError;
    }
    expect(err?.message).toBe(
      'Missing required fields for the create screen of ENG Bug: Team (allowed: Platform, Mobile); Fix versions (allowed: 1.2, 1.3).',
    );
    expect(err?.fieldErrors).toEqual({
      Team: 'required; allowed: Platform, Mobile',
      'Fix versions': 'required; allowed: 1.2, 1.3',
    });
    expect(() => resolver.assertRequired(meta, ['customfield_10050', 'fixVersions'], 's')).not.toThrow();
  });
});
