import * as z from 'zod';
import { Prompt, PromptProvider, Resource, ResourceProvider, type ResourceContent } from '@atlassian-mcp/core';

// The `@ts-expect-error` lines are the test: `tsc -p tsconfig.test.json` (CI) fails if the
// compiler ever accepts a misspelt or mistyped list/complete method again.
const read = async (uri: URL): Promise<ResourceContent[]> => [{ uri: uri.href, text: '' }];

@ResourceProvider()
class Typos {
  // @ts-expect-error 'listTeamz' is not a method of the class
  @Resource({ name: 'a', uri: 'x://a/{n}', title: 'A', description: 'A', list: 'listTeamz' })
  async a(uri: URL) {
    return read(uri);
  }

  // @ts-expect-error completeTeam returns numbers, not strings
  @Resource({ name: 'b', uri: 'x://b/{n}', title: 'B', description: 'B', complete: { n: 'completeTeam' } })
  async b(uri: URL) {
    return read(uri);
  }

  @Resource({ name: 'c', uri: 'x://c/{n}', title: 'C', description: 'C', list: 'listTeams', complete: { n: 'names' } })
  async c(uri: URL) {
    return read(uri);
  }

  async listTeams() {
    return [{ uri: 'x://c/1', name: 'one' }];
  }
  async completeTeam(_prefix: string) {
    return [1, 2];
  }
  async names(prefix: string) {
    return [prefix];
  }
}

@PromptProvider()
class PromptTypos {
  // @ts-expect-error 'nope' is not a method of the class
  @Prompt({ name: 'p', title: 'P', description: 'P', args: z.object({ a: z.string() }), complete: { a: 'nope' } })
  async p() {
    return 'p';
  }

  @Prompt({ name: 'q', title: 'Q', description: 'Q', args: z.object({ a: z.string() }), complete: { a: 'names' } })
  async q() {
    return 'q';
  }

  async names(prefix: string) {
    return [prefix];
  }
}

describe('typed method keys of resources and prompts', () => {
  it('records the named methods, which exist on the class', () => {
    for (const cls of [Typos, PromptTypos]) {
      expect(typeof (cls.prototype as unknown as Record<string, unknown>).names).toBe('function');
    }
  });
});
