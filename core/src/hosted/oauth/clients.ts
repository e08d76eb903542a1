import { randomUUID } from 'node:crypto';
import type { StateStore } from '../../state/state-store.js';
import type { FetchLike } from '../../http/types.js';
import { OAuthFailure, readSmallBody } from './oauth-errors.js';

/** A client the authorization server knows: registered (RFC 7591) or described by its metadata URL. */
export interface KnownClient {
  client_id: string;
  redirect_uris: string[];
  client_name?: string;
  client_uri?: string;
  token_endpoint_auth_method: 'none';
  grant_types: string[];
  response_types: string[];
  client_id_issued_at?: number;
}

const REGISTRATION_TTL_MS = 180 * 86_400_000;
const METADATA_TTL_MS = 3_600_000;
const MAX_METADATA_BYTES = 16 * 1024;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Who may ask for tokens. MCP clients identify themselves with a Client ID Metadata Document
 * (the client id is an https URL the server fetches) or, older clients, register dynamically.
 * Every client is public (PKCE, no secret). Redirect URIs must be https, or http on loopback.
 */
export class OAuthClients {
  constructor(
    private readonly store: StateStore,
    private readonly fetchFn: FetchLike,
    /** Plain-http metadata URLs on loopback (tests and the sandbox demo only). */
    private readonly allowLoopbackHttp: boolean,
  ) {}

  /** The client behind `clientId`, or an OAuthFailure. */
  async resolve(clientId: string): Promise<KnownClient> {
    if (/^https?:\/\//i.test(clientId)) return this.fromMetadataDocument(clientId);
    const raw = await this.store.get(`oauth:client:${clientId}`);
    if (!raw) throw new OAuthFailure('invalid_client', 'Unknown client_id', 401);
    return JSON.parse(raw) as KnownClient;
  }

  /** Dynamic client registration (RFC 7591): public clients only. */
  async register(request: Request): Promise<Response> {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readSmallBody(request)) as Record<string, unknown>;
    } catch (e) {
      if (e instanceof OAuthFailure) throw e;
      throw new OAuthFailure('invalid_client_metadata', 'The registration is not JSON');
    }
    const client: KnownClient = {
      ...this.validMetadata(body),
      client_id: randomUUID(),
      client_id_issued_at: Math.floor(Date.now() / 1000),
    };
    await this.store.set(`oauth:client:${client.client_id}`, JSON.stringify(client), { ttlMs: REGISTRATION_TTL_MS });
    return Response.json(client, { status: 201, headers: { 'cache-control': 'no-store' } });
  }

  private validMetadata(body: Record<string, unknown>): Omit<KnownClient, 'client_id'> {
    const uris = body.redirect_uris;
    if (!Array.isArray(uris) || uris.length === 0 || uris.length > 10 || !uris.every((u) => typeof u === 'string'))
      throw new OAuthFailure('invalid_redirect_uri', 'redirect_uris must list one to ten URLs');
    for (const uri of uris as string[])
      if (!this.acceptableRedirect(uri))
        throw new OAuthFailure(
          'invalid_redirect_uri',
          `Redirect URI not allowed (https, or http on loopback): ${uri.slice(0, 200)}`,
        );
    const text = (v: unknown, max: number) => (typeof v === 'string' && v.length > 0 ? v.slice(0, max) : undefined);
    return {
      redirect_uris: uris as string[],
      client_name: text(body.client_name, 100),
      client_uri: text(body.client_uri, 300),
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    };
  }

  private acceptableRedirect(uri: string): boolean {
    let u: URL;
    try {
      u = new URL(uri);
    } catch {
      return false;
    }
    if (u.hash) return false;
    if (u.protocol === 'https:') return true;
    // Native clients listen on loopback (RFC 8252 §7.3); custom schemes are refused.
    return u.protocol === 'http:' && LOOPBACK.has(u.hostname);
  }

  /**
   * A Client ID Metadata Document: fetched without following redirects, size- and time-bounded,
   * its `client_id` equal to the URL; cached for an hour.
   */
  private async fromMetadataDocument(clientId: string): Promise<KnownClient> {
    const url = new URL(clientId);
    const loopback = LOOPBACK.has(url.hostname);
    if (url.protocol !== 'https:' && !(this.allowLoopbackHttp && loopback))
      throw new OAuthFailure('invalid_client', 'A client metadata URL must be https');
    if (url.hash || url.username || url.password || url.pathname === '/')
      throw new OAuthFailure('invalid_client', 'A client metadata URL needs a path and no fragment or credentials');
    if (loopback && !this.allowLoopbackHttp)
      throw new OAuthFailure('invalid_client', 'A client metadata URL must not point at this machine');
    const cached = await this.store.get(`oauth:cimd:${clientId}`);
    if (cached) return JSON.parse(cached) as KnownClient;
    let body: Record<string, unknown>;
    try {
      const res = await this.fetchFn(clientId, {
        headers: { accept: 'application/json' },
        redirect: 'manual',
        signal: AbortSignal.timeout(5000),
      });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      const text = await res.text();
      if (Buffer.byteLength(text) > MAX_METADATA_BYTES) throw new Error('too large');
      body = JSON.parse(text) as Record<string, unknown>;
    } catch (e) {
      throw new OAuthFailure('invalid_client', `Could not read the client metadata document (${(e as Error).message})`);
    }
    if (body.client_id !== clientId)
      throw new OAuthFailure('invalid_client', 'The client metadata document names another client_id');
    const client: KnownClient = { ...this.validMetadata(body), client_id: clientId };
    await this.store.set(`oauth:cimd:${clientId}`, JSON.stringify(client), { ttlMs: METADATA_TTL_MS });
    return client;
  }
}
