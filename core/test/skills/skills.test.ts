import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { SkillsClient } from '@modelcontextprotocol/client/ext/skills';
import { definePlugin } from '@atlassian-mcp/core';
import { createTestHarness } from '@atlassian-mcp/core/testing';
import notesPlugin from '@acme/atlassian-mcp-plugin-notes';
import { parseSkill, renderSkill } from '../../src/skills/skill-file';

function skillDir(skills: Record<string, string>, extra: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'amcp-skills-'));
  for (const [name, text] of Object.entries(skills)) {
    mkdirSync(join(root, name));
    writeFileSync(join(root, name, 'SKILL.md'), text);
  }
  for (const [path, text] of Object.entries(extra)) writeFileSync(join(root, path), text);
  return root;
}

const digestNotes = `---
name: digest-notes
title: Digest my notes
description: Summarise every note about a topic. Use when asked what the notes say.
plugins: [notes]
tools: [notes_list_notes]
arguments:
  - name: topic
    description: What the notes are about
    required: true
---
List the notes with \`notes_list_notes()\` and summarise those about {{topic}}.`;

const fileNote = `---
name: file-note
description: File a note about a topic. Use when asked to remember something.
tools: [notes_add_note]
arguments:
  - name: topic
    description: The note's title
    required: true
  - name: text
    description: The note's text
---
Call \`notes_add_note(title: "{{topic}}", body: "{{text}}")\`.{{#text}} Then say "filed".{{/text}}`;

describe('skill files', () => {
  it('parses front matter and renders arguments, dropping optional blocks', () => {
    const s = parseSkill('x/SKILL.md', 'digest-notes', digestNotes);
    expect(s).toMatchObject({ name: 'digest-notes', plugins: ['notes'], tools: ['notes_list_notes'] });
    expect(s.arguments).toEqual([{ name: 'topic', description: 'What the notes are about', required: true }]);
    const t = 'Log {{time}}.{{#note}} Note: {{note}}{{/note}}{{^note}} Ask for a note.{{/note}}';
    expect(renderSkill(t, { time: '1h' })).toBe('Log 1h. Ask for a note.');
    expect(renderSkill(t, { time: '1h', note: 'x' })).toBe('Log 1h. Note: x');
    // A value the user typed is not a template: placeholders inside it stay as typed.
    expect(renderSkill('Do {{a}} {{b}}', { a: '{{b}}', b: 'z' })).toBe('Do {{b}} z');
  });

  it('refuses a skill whose name is not its folder, or without a description, body or valid arguments', () => {
    expect(() => parseSkill('f/SKILL.md', 'other', digestNotes)).toThrow(
      /name "digest-notes" must equal its folder name "other"/,
    );
    expect(() => parseSkill('f/SKILL.md', 'f', 'hello')).toThrow(/missing YAML front matter/);
    expect(() => parseSkill('f/SKILL.md', 'Bad_Name', '---\nname: Bad_Name\ndescription: d\n---\nx')).toThrow(
      /lower-case words joined by hyphens/,
    );
    expect(() => parseSkill('f/SKILL.md', 'f', '---\nname: f\n---\nx')).toThrow(/needs a "description"/);
    expect(() => parseSkill('f/SKILL.md', 'f', '---\nname: f\ndescription: d\n---\n')).toThrow(/procedure .* is empty/);
    expect(() => parseSkill('f/SKILL.md', 'f', '---\nname: f\ndescription: d\narguments: [{}]\n---\nx')).toThrow(
      /every argument needs a name/,
    );
    expect(() =>
      parseSkill('f/SKILL.md', 'f', '---\nname: f\ndescription: d\narguments: [{name: a, complete: nope}]\n---\nx'),
    ).toThrow(/complete must be a resource template/);
  });
});

describe('skills served by the host', () => {
  const notesWithSkills = (dir: string) => definePlugin({ ...notesPlugin, skills: dir });

  it('serves a plugin-contributed skill as a prompt and through the skills extension, with digests', async () => {
    const dir = skillDir({ 'digest-notes': digestNotes }, { 'README.md': 'not a skill' });
    writeFileSync(join(dir, 'digest-notes', 'EXAMPLE.md'), 'An example digest.');
    const h = await createTestHarness({ plugins: [notesWithSkills(dir)], promptDirs: [] });
    try {
      const { prompts } = await h.client.listPrompts();
      expect(prompts).toEqual([
        {
          name: 'digest-notes',
          title: 'Digest my notes',
          description: 'Summarise every note about a topic. Use when asked what the notes say.',
          arguments: [{ name: 'topic', description: 'What the notes are about', required: true }],
        },
      ]);
      const got = await h.client.getPrompt({ name: 'digest-notes', arguments: { topic: 'ops' } });
      expect(got.messages).toEqual([
        {
          role: 'user',
          content: { type: 'text', text: 'List the notes with `notes_list_notes()` and summarise those about ops.' },
        },
      ]);

      const skills = new SkillsClient(h.client);
      expect(skills.supported).toBe(true);
      const listing = await skills.list();
      expect(listing.skills.map((s) => s.uri)).toEqual(['skill://digest-notes/SKILL.md']);
      const [entry] = listing.skills;
      expect(entry!.frontmatter).toMatchObject({ name: 'digest-notes', tools: ['notes_list_notes'] });
      const resources = entry!.resources as { uri: string; digest: string }[];
      expect(resources.map((r) => r.uri).sort()).toEqual([
        'skill://digest-notes/EXAMPLE.md',
        'skill://digest-notes/SKILL.md',
      ]);
      const sha = createHash('sha256').update(digestNotes).digest('hex');
      expect(resources.find((r) => r.uri.endsWith('SKILL.md'))!.digest).toContain(sha);
      const manifest = await skills.read(entry!);
      expect(manifest.verified).toBe(true);
      expect(manifest.body).toContain('summarise those about {{topic}}');
      const example = await skills.read(entry!, 'EXAMPLE.md');
      expect(example.text).toBe('An example digest.');
      expect((await skills.get('skill://digest-notes/SKILL.md')).skill.uri).toBe('skill://digest-notes/SKILL.md');
    } finally {
      await h.close();
    }
  });

  it('hides a skill whose tools policy disables: read-only hides writing skills, as prompts and as skills', async () => {
    const dir = skillDir({ 'digest-notes': digestNotes, 'file-note': fileNote });
    const full = await createTestHarness({ plugins: [notesWithSkills(dir)], promptDirs: [] });
    const ro = await createTestHarness({
      plugins: [notesWithSkills(dir)],
      promptDirs: [],
      config: { readOnly: true },
    });
    try {
      expect((await full.client.listPrompts()).prompts.map((p) => p.name)).toEqual(['digest-notes', 'file-note']);
      expect((await ro.client.listPrompts()).prompts.map((p) => p.name)).toEqual(['digest-notes']);
      await expect(ro.client.getPrompt({ name: 'file-note', arguments: { topic: 'x' } })).rejects.toThrow(/disabled/);
      const roSkills = new SkillsClient(ro.client);
      expect((await roSkills.list()).skills.map((s) => s.frontmatter.name)).toEqual(['digest-notes']);
      await expect(roSkills.get('skill://file-note/SKILL.md')).rejects.toThrow();
      const fullSkills = new SkillsClient(full.client);
      expect((await fullSkills.list()).skills.map((s) => s.frontmatter.name)).toEqual(['digest-notes', 'file-note']);
      // The plugin that contributed the skill is implied: file-note declares no plugins.
      const got = await full.client.getPrompt({ name: 'file-note', arguments: { topic: 'milk', text: 'buy' } });
      expect((got.messages[0]!.content as { text: string }).text).toBe(
        'Call `notes_add_note(title: "milk", body: "buy")`. Then say "filed".',
      );
    } finally {
      await full.close();
      await ro.close();
    }
  });

  it('leaves out a skill whose plugin is not loaded, and refuses to start on a skill naming an unknown tool', async () => {
    const other = skillDir({
      'jira-only': '---\nname: jira-only\ndescription: Needs Jira\nplugins: [jira]\ntools: [jira_search]\n---\nx',
    });
    const h = await createTestHarness({ plugins: [notesPlugin], promptDirs: [other] });
    expect((await h.client.listPrompts()).prompts).toEqual([]);
    await h.close();
    const typo = skillDir({
      'digest-notes': digestNotes.replace('tools: [notes_list_notes]', 'tools: [notes_list_note]'),
    });
    await expect(createTestHarness({ plugins: [notesPlugin], promptDirs: [typo] })).rejects.toThrow(
      /skill "digest-notes" .*names tool "notes_list_note", which no loaded plugin has/,
    );
    const clash = skillDir({ 'digest-notes': digestNotes });
    await expect(createTestHarness({ plugins: [notesWithSkills(clash)], promptDirs: [clash] })).rejects.toThrow(
      /skill "digest-notes" .*its name is also/,
    );
  });
});
