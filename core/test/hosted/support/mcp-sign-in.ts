// An MCP client's side of the hosted sign-in, the way a real client does it: the SDK's transport
// discovers the Protected Resource Metadata from the 401, registers (or presents a Client ID
// Metadata Document), and sends the user to /authorize; `consent` plays the user's browser
// (this server's consent page, then the sandbox's Atlassian consent with the chosen account).
import { Client, StreamableHTTPClientTransport, UnauthorizedError } from '@modelcontextprotocol/client';
import type { OAuthClientProvider } from '@modelcontextprotocol/client';

type Tokens = Awaited<ReturnType<OAuthClientProvider['tokens']>>;
type ClientInfo = Awaited<ReturnType<OAuthClientProvider['clientInformation']>>;
type Discovery = Awaited<ReturnType<NonNullable<OAuthClientProvider['discoveryState']>>>;

export class MemoryOAuthProvider implements OAuthClientProvider {
  authorizationUrl: URL | undefined;
  private info: ClientInfo;
  private saved: Tokens;
  private verifier = '';
  private discovery: Discovery;

  constructor(
    private readonly options: { name: string; redirectUrl?: string; clientMetadataUrl?: string; scope?: string },
  ) {}

  get redirectUrl(): string {
    return this.options.redirectUrl ?? 'http://127.0.0.1:7777/callback';
  }
  get clientMetadataUrl(): string | undefined {
    return this.options.clientMetadataUrl;
  }
  get clientMetadata() {
    return {
      client_name: this.options.name,
      redirect_uris: [this.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      ...(this.options.scope ? { scope: this.options.scope } : {}),
    };
  }
  clientInformation(): ClientInfo {
    return this.info;
  }
  saveClientInformation(info: NonNullable<ClientInfo>): void {
    this.info = info;
  }
  tokens(): Tokens {
    return this.saved;
  }
  saveTokens(tokens: NonNullable<Tokens>): void {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL): void {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string): void {
    this.verifier = verifier;
  }
  codeVerifier(): string {
    return this.verifier;
  }
  saveDiscoveryState(state: NonNullable<Discovery>): void {
    this.discovery = state;
  }
  discoveryState(): Discovery {
    return this.discovery;
  }
}

/** What the user's browser went through, for assertions. */
export interface ConsentTrace {
  consentPage: string;
  atlassianUrl: URL;
  callback: URL;
}

/**
 * Plays the browser: loads the consent page, allows, follows to the (sandbox) Atlassian consent
 * choosing the account `email`, and back through the server to the client's redirect URI.
 */
export async function consent(authorizationUrl: URL, email: string, decision = 'allow'): Promise<ConsentTrace> {
  const page = await fetch(authorizationUrl, { redirect: 'manual' });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`consent page: HTTP ${page.status}: ${html}`);
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] ?? '';
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
  const answer = await fetch(new URL('/authorize', authorizationUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: authorizationUrl.origin },
    body: new URLSearchParams({ txn: field('txn'), csrf: field('csrf'), decision }).toString(),
  });
  const atlassianUrl = new URL(answer.headers.get('location') ?? 'about:blank');
  if (answer.status !== 302) throw new Error(`consent answer: HTTP ${answer.status}: ${await answer.text()}`);
  if (decision !== 'allow') return { consentPage: html, atlassianUrl, callback: atlassianUrl };
  // The user picks their account on Atlassian's consent screen (the sandbox takes it as login_hint).
  atlassianUrl.searchParams.set('login_hint', email);
  const atlassian = await fetch(atlassianUrl, { redirect: 'manual' });
  if (atlassian.status !== 302)
    throw new Error(`atlassian consent: HTTP ${atlassian.status}: ${await atlassian.text()}`);
  const back = await fetch(atlassian.headers.get('location')!, { redirect: 'manual' });
  if (back.status !== 302) throw new Error(`callback: HTTP ${back.status}: ${await back.text()}`);
  return { consentPage: html, atlassianUrl, callback: new URL(back.headers.get('location')!) };
}

/** A connected MCP client signed in as `email`, and its OAuth state. */
export interface SignedIn {
  client: Client;
  provider: MemoryOAuthProvider;
  trace: ConsentTrace;
  close(): Promise<void>;
}

/** The full sign-in of one user, through the SDK client's own OAuth flow. */
export async function signIn(
  mcpUrl: string,
  email: string,
  options: { name?: string; clientMetadataUrl?: string; scope?: string; headers?: Record<string, string> } = {},
): Promise<SignedIn> {
  const provider = new MemoryOAuthProvider({
    name: options.name ?? `client of ${email}`,
    clientMetadataUrl: options.clientMetadataUrl,
    scope: options.scope,
  });
  const transport = () =>
    new StreamableHTTPClientTransport(new URL(mcpUrl), {
      authProvider: provider,
      onInsufficientScope: 'throw',
      requestInit: options.headers ? { headers: options.headers } : undefined,
    });
  const first = transport();
  const probe = new Client({ name: 'hosted-test', version: '1.0.0' });
  try {
    await probe.connect(first);
    throw new Error('the server accepted a client without a token');
  } catch (e) {
    if (!(e instanceof UnauthorizedError)) throw e;
  }
  if (!provider.authorizationUrl) throw new Error('the client was not sent to authorize');
  // A client that asks for less than the server's challenge named.
  if (options.scope) provider.authorizationUrl.searchParams.set('scope', options.scope);
  const trace = await consent(provider.authorizationUrl, email);
  await first.finishAuth(trace.callback.searchParams);
  const client = new Client({ name: 'hosted-test', version: '1.0.0' });
  await client.connect(transport());
  return { client, provider, trace, close: () => client.close() };
}

/** Calls a tool; the text of its result and whether it is an error. */
export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}) {
  const raw = (await client.callTool({ name, arguments: args })) as {
    isError?: boolean;
    content?: { type: string; text?: string }[];
    structuredContent?: Record<string, unknown>;
  };
  const text = (raw.content ?? []).map((c) => c.text ?? '').join('\n');
  return { isError: raw.isError === true, text, structured: raw.structuredContent };
}
