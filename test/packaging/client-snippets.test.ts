import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as clients from '../../core/src/cli/setup/clients';
import * as configFiles from '../../core/src/cli/setup/config-files';
import * as setupCommand from '../../core/src/cli/setup/setup-command';

const { clientSnippets, withSnippets } = require('../../distribution/client-snippets.js') as {
  clientSnippets(setup: object): string;
  withSnippets(readme: string, snippets: string): string;
};

const repo = resolve(__dirname, '../..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const snippets = clientSnippets({ ...clients, ...configFiles, ...setupCommand });

describe("README's client snippets (what `atlassian-mcp setup` prints)", () => {
  it('are what distribution/client-snippets.js generates (run `node distribution/client-snippets.js --write`)', () => {
    expect(readme).toBe(withSnippets(readme, snippets));
  });

  it('name every client setup knows, each starting the server with `npx -y atlassian-mcp`', () => {
    for (const id of clients.CLIENT_IDS) expect(snippets).toContain(`**${clients.CLIENTS[id].label}**`);
    const blocks = snippets.split('```').filter((_, i) => i % 2 === 1);
    expect(blocks.length).toBeGreaterThanOrEqual(7);
    for (const block of blocks) for (const word of ['npx', '-y', 'atlassian-mcp']) expect(block).toContain(word);
  });

  it('never puts a real-looking secret in a snippet: the token is a placeholder or a reference', () => {
    const tokens = [...snippets.matchAll(/ATLASSIAN_API_TOKEN["']?\s*[:=]\s*["']?([^"'\n,]+)/g)].map((m) =>
      m[1]!.trim(),
    );
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) expect(t).toMatch(/^(<your-api-token>|\$\{.*\})$/);
  });
});
