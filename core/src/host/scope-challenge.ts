import type { ScopeChallengeHandler } from '@modelcontextprotocol/server';

/**
 * A tool's scope challenge for hosted mode: when the caller's token lacks some of the Atlassian
 * scopes the tool declares, the SDK answers 403 `insufficient_scope` naming the complete set to
 * ask for (what was granted plus what is missing), so the client signs in again with more (step-up).
 */
export function stepUpChallenge(required: readonly string[]): ScopeChallengeHandler {
  return ({ authInfo }) => {
    if (!authInfo || required.length === 0) return undefined;
    const missing = required.filter((s) => !authInfo.scopes.includes(s));
    if (missing.length === 0) return undefined;
    const scopes = [...new Set([...authInfo.scopes, ...required])] as [string, ...string[]];
    return { scopes, errorDescription: `This tool needs the Atlassian scopes ${missing.join(', ')}` };
  };
}
