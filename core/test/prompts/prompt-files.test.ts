import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestHarness } from '@atlassian-mcp/core/testing';
import notesPlugin from '@acme/atlassian-mcp-plugin-notes';
import { DEFAULT_PROMPT_DIR, parsePromptFile, readPromptDir, renderPrompt } from '../../src/prompts/prompt-files';

describe('prompt files', () => {
  it('every shipped prompt parses, has a description and uses only declared arguments', () => {
    const files = readPromptDir(DEFAULT_PROMPT_DIR);
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const f of files) {
      const used = new Set([...f.template.matchAll(/\{\{#?\/?(\w+)\}\}/g)].map((m) => m[1]));
      expect([...used].filter((u) => !f.arguments.some((a) => a.name === u))).toEqual([]);
    }
  });

  it('renders arguments and drops optional blocks', () => {
    const t = 'Log {{time}} on {{key}}.{{#note}} Note: {{note}}{{/note}}';
    expect(renderPrompt(t, { time: '1h', key: 'A-1' })).toBe('Log 1h on A-1.');
    expect(renderPrompt(t, { time: '1h', key: 'A-1', note: 'x' })).toBe('Log 1h on A-1. Note: x');
  });

  it('rejects a file without front matter or name', () => {
    expect(() => parsePromptFile('x.md', 'hello')).toThrow(/x\.md: missing YAML front matter/);
    expect(() => parsePromptFile('y.md', '---\ndescription: d\n---\nbody')).toThrow(/y\.md: .*name/);
  });

  it('serves prompt files over MCP, only when the plugins they need are loaded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amcp-prompts-'));
    writeFileSync(
      join(dir, 'a.md'),
      '---\nname: notes_digest\ndescription: Digest my notes\narguments:\n  - name: topic\n    required: true\nrequires: [notes]\n---\nDigest notes about {{topic}}.',
    );
    writeFileSync(join(dir, 'b.md'), '---\nname: jira_only\ndescription: Needs Jira\nrequires: [jira]\n---\nx');
    const h = await createTestHarness({ plugins: [notesPlugin], promptDirs: [dir] });
    const { prompts } = await h.client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['notes_digest']);
    const got = await h.client.getPrompt({ name: 'notes_digest', arguments: { topic: 'ops' } });
    expect(got.messages[0]!.content).toEqual({ type: 'text', text: 'Digest notes about ops.' });
    await h.close();
  });
});
