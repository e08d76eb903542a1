import { coreServices, inject, isAtlassianMcpError, Service, type AuthStatusService } from '@atlassian-mcp/core';
import { DeskDirectory } from '../scope/desk-directory.js';
import { SCOPE, TOOLSET_SCOPES } from '../scopes.js';
import { JsmDesks } from './jsm-desks.js';

/** Whether JSM works with these credentials, and what to do when it does not. */
export type Availability = {
  reachable: boolean;
  licensed?: boolean;
  version?: string;
  /** Service desks this account can see (inside the allowlist). */
  desks?: number;
  auth: 'apiToken' | 'oauth';
  /** OAuth scopes missing, by toolset (none for API tokens: they carry the account's permissions). */
  missingScopes: Record<string, string[]>;
  problem?: string;
  next: string;
};

/**
 * Probes JSM: `/info` (no scope needed) says whether it is installed and licensed; the desk list
 * says whether this account is an agent or customer anywhere. Failures are findings here, not errors.
 */
@Service()
export class JsmAvailability {
  constructor(
    @inject(JsmDesks) private readonly desks: JsmDesks,
    @inject(DeskDirectory) private readonly directory: DeskDirectory,
    @inject(coreServices.auth) private readonly auth: AuthStatusService,
  ) {}

  async check(): Promise<Availability> {
    const auth = this.auth.method();
    const granted = await this.auth.grantedScopes();
    const missingScopes: Record<string, string[]> = {};
    if (granted)
      for (const [set, scopes] of Object.entries(TOOLSET_SCOPES)) {
        const missing = scopes.filter((s) => !granted.includes(s));
        if (missing.length) missingScopes[set] = missing;
      }
    const base = { auth, missingScopes };
    let info;
    try {
      info = await this.desks.info();
    } catch (e) {
      const problem = describe(e);
      return {
        ...base,
        reachable: false,
        problem,
        next: /not found|404/i.test(problem)
          ? 'Jira Service Management does not answer on this site: check the site URL, or ask an admin to add JSM.'
          : 'Check the site URL and the credentials (`atlassian-mcp doctor`), then call this again.',
      };
    }
    const out: Availability = {
      ...base,
      reachable: true,
      licensed: info.isLicensedForUse,
      version: info.version,
      next: '',
    };
    if (info.isLicensedForUse === false) {
      out.next = 'JSM is installed but not licensed on this site: ask a site admin to license it.';
      return out;
    }
    if (!granted || granted.includes(SCOPE.read)) {
      try {
        out.desks = (await this.directory.visible()).length;
      } catch (e) {
        out.problem = describe(e);
      }
    }
    const missing = [...new Set(Object.values(missingScopes).flat())];
    if (missingScopes.requests)
      out.next = `Grant the OAuth scopes ${missingScopes.requests.join(', ')} (the OAuth app or scoped token), then run \`atlassian-mcp login\`.`;
    else if (out.problem) out.next = "The desk list failed: check the account's JSM access, then call this again.";
    else if (out.desks === 0)
      out.next =
        'This account is not an agent or customer of any service desk (inside the allowlist): ask a JSM admin to add it.';
    else
      out.next = `Ready: servicedesk_list_service_desks, then servicedesk_list_request_types.${missing.length ? ` Optional toolsets need ${missing.join(', ')}.` : ''}`;
    return out;
  }
}

function describe(e: unknown): string {
  if (isAtlassianMcpError(e)) return e.message;
  throw e;
}
