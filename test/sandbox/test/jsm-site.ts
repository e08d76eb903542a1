// Shared by the JSM and Assets suites: a sandbox on the seed's moment (so SLAs are exact) and a
// small REST caller that can act as any seeded account.
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';

export const NOW = Date.parse('2026-11-02T09:00:00Z');
export const HOUR = 3_600_000;

export const EMAIL = {
  maya: 'maya.chen@nimbus-works.example',
  sam: 'sam.okafor@nimbus-works.example',
  jonas: 'jonas.weber@nimbus-works.example',
  lena: 'lena.novak@nimbus-works.example',
  priya: 'priya.raman@nimbus-works.example',
  diego: 'diego.alvarez@nimbus-works.example',
  tom: 'tom.becker@nimbus-works.example',
  alex: 'alex.morgan@acme-retail.example',
  bea: 'bea.santos@acme-retail.example',
  chris: 'chris.doyle@contractor.example',
  dana: 'dana.fischer@contractor.example',
  eli: 'eli.brooks@newhire.example',
  farah: 'farah.haddad@newhire.example',
  gus: 'gus.ortega@gmail.example',
} as const;

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

export interface JsmSite {
  sb: Sandbox;
  /** Calls the API as `as` (default the admin, Maya). Experimental operations get the opt-in header. */
  call(
    method: string,
    path: string,
    o?: { as?: keyof typeof EMAIL; body?: unknown; headers?: Record<string, string> },
  ): Promise<Reply>;
  accountId(who: keyof typeof EMAIL): string;
}

export async function startJsmSite(now = NOW): Promise<JsmSite> {
  const sb = await startSandbox({ listen: false, now: () => now, seedNow: now });
  return {
    sb,
    async call(method, path, o = {}) {
      const res = await sb.fetch(path, {
        method,
        headers: {
          authorization: sb.basicAuth(EMAIL[o.as ?? 'maya']),
          'x-experimentalapi': 'opt-in',
          ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...o.headers,
        },
        body: o.body !== undefined ? JSON.stringify(o.body) : undefined,
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body, headers: res.headers };
    },
    accountId: (who) => sb.site.jira.userByEmail(EMAIL[who])!.accountId,
  };
}
