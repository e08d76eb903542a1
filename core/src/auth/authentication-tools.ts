import * as z from 'zod';
import { inject, Tool, ToolProvider } from '../plugin-api/decorators.js';
import { internalServices } from '../host/internal-services.js';
import type { ToolContext } from '../plugin-api/context.js';
import type { AuthService } from './auth-service.js';

const input = z.object({
  force: z.boolean().optional().describe('Sign in again even when already signed in (e.g. to grant new scopes)'),
});

const output = z.object({
  status: z.enum(['signed_in', 'already_signed_in', 'api_token']),
  site: z.string().optional(),
  scopes: z.array(z.string()).optional(),
  message: z.string(),
});

/**
 * The `authenticate_atlassian` tool (the seed's name): runs the OAuth login from inside a running
 * server, so clients that start unauthenticated need no restart. The host listens to
 * `AuthService.onChange` and sends `notifications/tools/list_changed` afterwards.
 */
@ToolProvider()
export class AuthenticationTools {
  constructor(@inject(internalServices.auth) private readonly auth: AuthService) {}

  @Tool({
    name: 'authenticate_atlassian',
    title: 'Sign in to Atlassian',
    description:
      'Signs in to Atlassian with OAuth: opens the browser (the URL is also printed) and waits for the user to consent. Call it when other tools report that you are not signed in.',
    input,
    output,
    readOnly: false,
    idempotent: true,
    toolset: 'auth',
    scopes: [],
  })
  async authenticate(args: z.infer<typeof input>, ctx: ToolContext): Promise<z.input<typeof output>> {
    if (this.auth.method() === 'apiToken') {
      return {
        status: 'api_token',
        message: 'Using the API token from ATLASSIAN_EMAIL / ATLASSIAN_API_TOKEN; no sign-in needed.',
      };
    }
    if (!args.force && (await this.auth.isAuthenticated())) {
      const scopes = await this.auth.grantedScopes();
      return {
        status: 'already_signed_in',
        scopes,
        message: 'Already signed in to Atlassian. Pass force: true to sign in again.',
      };
    }
    const result = await this.auth.login({
      signal: ctx.signal,
      notify: (message) => {
        void ctx.progress(0, undefined, message).catch(() => undefined);
      },
    });
    return {
      status: 'signed_in',
      site: result.site,
      scopes: result.scopes,
      message: `Signed in to ${result.siteName ?? result.site}${result.account ? ` as ${result.account}` : ''}. The Atlassian tools are available now.`,
    };
  }
}
