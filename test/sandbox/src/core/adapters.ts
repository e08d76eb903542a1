// Two ways in: an in-process `fetch` (no socket) and a node:http server on loopback.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { SandboxRequest, SandboxResponse } from './http.js';

export type Handle = (req: SandboxRequest) => Promise<SandboxResponse>;

/**
 * A `fetch` that calls the sandbox directly. Any absolute URL is answered by the sandbox
 * (the host is ignored); relative URLs resolve against `origin`. Same-origin redirects are
 * followed unless `redirect: 'manual'`; a redirect elsewhere (e.g. the OAuth callback) is
 * returned as is.
 */
export function createInProcessFetch(
  handle: Handle,
  origin: () => string,
  onHang: (release: () => void) => void,
): typeof fetch {
  const inProcessFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let request: Request;
    if (typeof input === 'string' && input.startsWith('/')) request = new Request(origin() + input, init);
    else request = new Request(input as RequestInfo, init);
    for (let hop = 0; hop < 20; hop++) {
      const url = new URL(request.url);
      const headers: Record<string, string> = {};
      request.headers.forEach((v, k) => {
        headers[k] = v;
      });
      const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
      if (request.signal.aborted) throw abortError(request.signal);
      const res = await handle({
        method: request.method.toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        headers,
        body,
        origin: url.origin,
        signal: request.signal,
      });
      if (res.hang) {
        await new Promise<void>((_, reject) => {
          const fail = () => reject(abortError(request.signal));
          request.signal.addEventListener('abort', fail, { once: true });
          onHang(() => reject(new TypeError('fetch failed', { cause: new Error('sandbox closed') })));
        });
      }
      if (request.signal.aborted) throw abortError(request.signal);
      if (res.drop === 'reset') throw new TypeError('fetch failed', { cause: socketClosed() });
      const location = res.headers.location;
      if (res.status >= 300 && res.status < 400 && location && request.redirect !== 'manual') {
        const next = new URL(location, url);
        if (next.origin === url.origin) {
          if (request.redirect === 'error')
            throw new TypeError('fetch failed', { cause: new Error('unexpected redirect') });
          const keepBody = res.status === 307 || res.status === 308;
          request = new Request(next, {
            method: keepBody ? request.method : request.method === 'HEAD' ? 'HEAD' : 'GET',
            headers: request.headers,
            body: keepBody ? body : undefined,
            redirect: request.redirect,
            signal: request.signal,
          });
          continue;
        }
      }
      const nullBody = res.status === 204 || res.status === 304 || res.status < 200 || request.method === 'HEAD';
      // Bytes rather than a string: undici would scan a string body for lone surrogates first.
      const bytes =
        res.body === undefined ? undefined : typeof res.body === 'string' ? Buffer.from(res.body) : res.body;
      const payload = bytes
        ? (new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>)
        : null;
      const answer = res.drop === 'truncate' && payload ? truncatedStream(payload) : payload;
      const response = new Response(nullBody ? null : answer, { status: res.status, headers: res.headers });
      Object.defineProperty(response, 'url', { value: url.toString() });
      if (hop > 0) Object.defineProperty(response, 'redirected', { value: true });
      return response;
    }
    throw new TypeError('fetch failed', { cause: new Error('redirect count exceeded') });
  };
  return inProcessFetch as typeof fetch;
}

/** What undici reports when the peer closes the socket: `SocketError: other side closed`. */
function socketClosed(): Error {
  return Object.assign(new Error('other side closed'), { name: 'SocketError', code: 'UND_ERR_SOCKET' });
}

/** Half the bytes, then the stream fails as undici's body does when the connection drops. */
function truncatedStream(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.slice(0, Math.floor(bytes.length / 2)));
      controller.error(new TypeError('terminated', { cause: socketClosed() }));
    },
  });
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

export interface LoopbackServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function listen(handle: Handle, host: string, port: number): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void serve(handle, req, res);
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const actualPort = typeof addr === 'object' && addr ? addr.port : port;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `http://${hostForUrl}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function serve(handle: Handle, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const host = req.headers.host ?? 'localhost';
  const url = new URL(req.url ?? '/', `http://${host}`);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  const ac = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) ac.abort();
  });
  const out = await handle({
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers,
    body: chunks.length ? Buffer.concat(chunks) : undefined,
    origin: `http://${host}`,
    signal: ac.signal,
  });
  if (out.hang) return; // keep the socket open; close() destroys it
  if (res.destroyed) return;
  if (out.drop === 'reset') {
    req.socket.destroy();
    return;
  }
  const body = out.body === undefined ? undefined : typeof out.body === 'string' ? Buffer.from(out.body) : out.body;
  const h: Record<string, string | number> = { ...out.headers };
  if (body && out.status !== 204 && out.status !== 304) h['content-length'] = body.length;
  res.writeHead(out.status, h);
  if (out.drop === 'truncate') {
    res.write(body ? body.subarray(0, Math.floor(body.length / 2)) : Buffer.alloc(0), () => req.socket.destroy());
    return;
  }
  res.end(out.status === 204 || out.status === 304 || req.method === 'HEAD' ? undefined : body);
}
