import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SkillsClient } from '@modelcontextprotocol/client/ext/skills';
import { DEFAULT_SKILL_DIR, readSkillDir, type Skill } from '@atlassian-mcp/core/host';
import { FIRST_PARTY, startSkillAgent, type SkillAgent } from './support/skill-agent';

const loaded = new Set(FIRST_PARTY.map((p) => p.id));
const shipped: Skill[] = readSkillDir(DEFAULT_SKILL_DIR).filter((s) => s.plugins.every((id) => loaded.has(id)));

/** A plausible value for every argument, so the rendered text has no placeholder left. */
const sample = (name: string): string =>
  (
    ({
      issue: 'NOVA-9',
      project: 'NOVA',
      epic: 'NOVA-1',
      time: '1h',
      days: '3',
      request: 'ITS-4',
      desk: 'HR',
      sprint: 'NOVA Sprint 25',
      assignee: 'Diego Alvarez',
      space: 'ENG',
    }) as Record<string, string>
  )[name] ?? `sample ${name}`;

/** What a user types for an argument completed from each template (the default: `N`). */
const TYPED: Record<string, string> = {
  'jira://issue/{key}': 'NOVA-1',
  'jira://sprint/{id}': 'NOVA Sprint',
  'jira://user/{name}': 'Di',
  'servicedesk://request/{key}': 'ITS-1',
  'servicedesk://desk/{id}': 'H',
};

describe('every shipped skill, served to a real MCP client against the sandbox', () => {
  let full: SkillAgent;
  let readOnly: SkillAgent;
  beforeAll(async () => {
    full = await startSkillAgent();
    readOnly = await startSkillAgent({ readOnly: true });
  });
  afterAll(async () => {
    await full?.close();
    await readOnly?.close();
  });

  it('covers every skill folder under prompts/ (a new skill is checked here without being named)', () => {
    const folders = readdirSync(DEFAULT_SKILL_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) expect(readdirSync(join(DEFAULT_SKILL_DIR, folder))).toContain('SKILL.md');
    expect(shipped.map((s) => s.name).sort()).toEqual(folders.sort());
  });

  it('lists each skill as a prompt with its arguments, and renders every argument into the procedure', async () => {
    const { prompts } = await full.host.client.listPrompts();
    for (const skill of shipped) {
      const listed = prompts.find((p) => p.name === skill.name);
      expect(listed).toMatchObject({ description: skill.description });
      expect(listed!.arguments).toEqual(
        skill.arguments.map((a) => ({ name: a.name, description: a.description, required: a.required })),
      );
      const args = Object.fromEntries(skill.arguments.map((a) => [a.name, sample(a.name)]));
      const text = await full.prompt(skill.name, args);
      expect(text).not.toMatch(/\{\{/);
      for (const a of skill.arguments) expect(text).toContain(sample(a.name));
    }
  });

  it('refuses a prompt without a required argument', async () => {
    for (const skill of shipped.filter((s) => s.arguments.some((a) => a.required)))
      await expect(full.host.client.getPrompt({ name: skill.name, arguments: {} })).rejects.toThrow();
  });

  it('completes arguments from the sandbox', async () => {
    // Page ids complete from the digits typed (or from title words); keys from their first letters.
    const pageId = [...full.host.sandbox.site.confluence.contents.keys()][0]!;
    for (const skill of shipped)
      for (const a of skill.arguments.filter((x) => x.complete)) {
        const value = TYPED[a.complete!] ?? (a.complete!.includes('page') ? pageId.slice(0, 3) : 'N');
        const { completion } = await full.host.client.complete({
          ref: { type: 'ref/prompt', name: skill.name },
          argument: { name: a.name, value },
        });
        expect(completion.values.length).toBeGreaterThan(0);
        expect(completion.values.every((v) => v.startsWith(value))).toBe(true);
      }
  });

  it('hides in read-only mode exactly the skills that call a writing tool', async () => {
    const writes = new Set(full.host.host.registry.tools.filter((t) => !t.meta.readOnly).map((t) => t.meta.name));
    const expected = shipped.filter((s) => !s.tools.some((t) => writes.has(t))).map((s) => s.name);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(shipped.length);
    const listed = (await readOnly.host.client.listPrompts()).prompts.map((p) => p.name);
    expect(listed.filter((n) => shipped.some((s) => s.name === n)).sort()).toEqual(expected.sort());
    const skills = (await new SkillsClient(readOnly.host.client).list()).skills.map((s) => s.frontmatter.name);
    expect(skills.sort()).toEqual(expected.sort());
  });

  it('offers the everyday skills with the default toolsets; a skill needing an opt-in toolset waits for it', async () => {
    const def = await startSkillAgent({ toolsets: undefined });
    try {
      const listed = (await def.host.client.listPrompts()).prompts.map((p) => p.name);
      expect(listed).toEqual(
        expect.arrayContaining([
          'log-work',
          'standup',
          'status-report',
          'triage-issue',
          'meeting-notes-to-tasks',
          'document-todays-work',
          'answer-from-knowledge-base',
          'incident-postmortem',
        ]),
      );
      expect(listed).not.toContain('sprint-review');
      // release-notes needs jira:versions and confluence:browse.
      expect(listed).not.toContain('release-notes');
      // triage-issue links duplicates only when jira:links is on; its procedure says what to do otherwise.
      expect(await def.prompt('triage-issue', { issue: 'OPS-14' })).toMatch(/jira:links.*toolset is off/);
      // incident-postmortem uses the space's template only when confluence:templates is on.
      expect(await def.prompt('incident-postmortem', { request: 'ITS-4', space: 'OPS' })).toMatch(
        /confluence:templates.*toolset is off\), say so and use the structure of step 3/,
      );
    } finally {
      await def.close();
    }
  });

  it('completes desks, sprints and people from the sandbox through the prompt arguments', async () => {
    const complete = async (name: string, argument: string, value: string) =>
      (
        await full.host.client.complete({
          ref: { type: 'ref/prompt', name },
          argument: { name: argument, value },
        })
      ).completion.values;
    expect(await complete('answer-from-knowledge-base', 'desk', 'h')).toEqual(['HR']);
    expect(await complete('answer-from-knowledge-base', 'desk', '')).toEqual(['1', 'ITS', '2', 'HR']);
    // Active first, then future, then closed (most recent first): the sandbox's NOVA board.
    expect(await complete('sprint-review', 'sprint', 'nova')).toEqual([
      'NOVA Sprint 25',
      'NOVA Sprint 26',
      'NOVA Sprint 27',
      'NOVA Sprint 24',
      'NOVA Sprint 23',
      'NOVA Sprint 22',
      'NOVA Sprint 21',
    ]);
    expect(await complete('sprint-review', 'sprint', '5')).toEqual(['5']);
    // People, not portal customers: "D" is Diego Alvarez and not Dana Fischer (a customer).
    expect(await complete('triage-issue', 'assignee', 'di')).toEqual(['Diego Alvarez']);
    expect(await complete('triage-issue', 'assignee', 'alv')).toEqual(['Diego Alvarez']);
    expect(await complete('triage-issue', 'assignee', 'da')).toEqual([]);
    // The completed values are what the procedures take.
    expect(await full.prompt('sprint-review', { project: 'NOVA', sprint: 'NOVA Sprint 25' })).toContain(
      'pick the sprint named "NOVA Sprint 25"',
    );
    const read = await full.host.client.readResource({ uri: 'jira://sprint/NOVA%20Sprint%2025' });
    expect((read.contents[0] as { text: string }).text).toMatch(/^# NOVA Sprint 25 \(sprint 5\)\nactive · /);
  });

  it('completes through the allowlist: a project outside allow.projects is never offered', async () => {
    const allowed = await startSkillAgent({ allow: { projects: ['NOVA'] } });
    try {
      const { completion } = await allowed.host.client.complete({
        ref: { type: 'ref/prompt', name: 'status-report' },
        argument: { name: 'project', value: '' },
      });
      expect(completion.values).toEqual(['NOVA']);
      const issues = await allowed.host.client.complete({
        ref: { type: 'ref/prompt', name: 'log-work' },
        argument: { name: 'issue', value: 'OPS-1' },
      });
      expect(issues.completion.values).toEqual([]);
    } finally {
      await allowed.close();
    }
  });

  it('under an allowlist, completes only allowed desks and sprints, and refuses a prompt naming what is outside', async () => {
    const its = await startSkillAgent({ allow: { projects: ['ITS', 'OPS'] } });
    const nova = await startSkillAgent({ allow: { projects: ['NOVA', 'ITS'] } });
    const complete = async (agent: SkillAgent, name: string, argument: string, value: string) =>
      (await agent.host.client.complete({ ref: { type: 'ref/prompt', name }, argument: { name: argument, value } }))
        .completion.values;
    const refusal = (agent: SkillAgent, name: string, args: Record<string, string>) =>
      agent.host.client.getPrompt({ name, arguments: args }).then(
        () => 'served',
        (e: Error) => e.message,
      );
    try {
      expect(await complete(its, 'answer-from-knowledge-base', 'desk', '')).toEqual(['1', 'ITS']);
      // NOVA's board is the only scrum board: with NOVA outside, there is no sprint to offer.
      expect(await complete(its, 'sprint-review', 'sprint', 'nova')).toEqual([]);
      expect(await complete(nova, 'sprint-review', 'sprint', 'nova sprint 25')).toEqual(['NOVA Sprint 25']);
      // prompts/get checks what a completed argument names, as reading its resource would.
      expect(await refusal(its, 'answer-from-knowledge-base', { request: 'ITS-9', desk: 'HR' })).toMatch(/allowlist/);
      expect(await refusal(its, 'answer-from-knowledge-base', { request: 'HR-4' })).toMatch(/allowlist/);
      expect(await refusal(its, 'answer-from-knowledge-base', { request: 'ITS-9', desk: 'ITS' })).toBe('served');
      expect(await refusal(its, 'status-report', { project: 'NOVA' })).toMatch(/allowlist/);
      expect(await refusal(its, 'sprint-review', { project: 'OPS', sprint: 'NOVA Sprint 25' })).toMatch(/allowlist/);
      expect(await refusal(nova, 'sprint-review', { project: 'NOVA', sprint: 'NOVA Sprint 25' })).toBe('served');
      expect(await refusal(nova, 'sprint-review', { project: 'NOVA', sprint: '5' })).toBe('served');
      // People are not inside a project: the allowlist leaves them alone.
      expect(await complete(its, 'triage-issue', 'assignee', 'di')).toEqual(['Diego Alvarez']);
      expect(await refusal(its, 'triage-issue', { issue: 'OPS-14', assignee: 'Diego Alvarez' })).toBe('served');
    } finally {
      await its.close();
      await nova.close();
    }
  });

  it('serves the same skills through the skills extension, every file verified against its digest', async () => {
    const client = new SkillsClient(full.host.client);
    const { skills } = await client.list();
    expect(skills.map((s) => s.frontmatter.name).sort()).toEqual(shipped.map((s) => s.name).sort());
    for (const entry of skills) {
      const file = await client.read(entry);
      expect(file.verified).toBe(true);
      const skill = shipped.find((s) => s.name === entry.frontmatter.name)!;
      expect(file.body!.trim()).toBe(skill.body);
      expect(entry.uri).toBe(`skill://${skill.name}/SKILL.md`);
    }
  });
});
