import { createServer, type Server } from 'node:http';
import { AuthenticationError } from '../plugin-api/errors.js';
import { cancelledBy } from '../http/call-errors.js';

const PAGE = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font-family:sans-serif;margin:3em"><h1>${title}</h1><p>${text}</p></body>`;

/** A one-shot loopback server that receives the OAuth redirect. */
export interface CallbackListener {
  /** Resolves with the full callback URL (query included) once the browser comes back. */
  callback: Promise<URL>;
  close(): Promise<void>;
}

/**
 * Listens on the redirect URI's host and port (e.g. `http://localhost:8080/callback`) and resolves
 * with the first request to its path. Times out, or stops when `signal` aborts.
 */
export async function listenForCallback(
  redirectUri: string,
  opts: { timeoutMs: number; signal?: AbortSignal },
): Promise<CallbackListener> {
  const target = new URL(redirectUri);
  if (target.protocol !== 'http:' || !['localhost', '127.0.0.1', '[::1]'].includes(target.hostname)) {
    throw new AuthenticationError(`The OAuth redirect URI must be a loopback http URL, got ${target.origin}`, {
      hint: 'Use http://localhost:<port>/callback and register exactly that URL in the Atlassian developer console.',
    });
  }
  let resolve!: (u: URL) => void;
  let reject!: (e: unknown) => void;
  const callback = new Promise<URL>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  callback.catch(() => undefined);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', target.origin);
    if (req.method !== 'GET' || url.pathname !== target.pathname) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const failed = url.searchParams.has('error');
    res.writeHead(failed ? 400 : 200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
    res.end(
      failed
        ? PAGE('Sign-in failed', 'Atlassian did not grant access. Return to your terminal for details.')
        : PAGE('Signed in', 'atlassian-mcp is connected to Atlassian. You can close this tab.'),
    );
    resolve(url);
  });
  const port = Number(target.port || 80);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  await new Promise<void>((res, rej) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      rej(
        e.code === 'EADDRINUSE'
          ? new AuthenticationError(`Port ${port} for the OAuth callback is in use`, {
              hint: 'Stop what uses it, or set ATLASSIAN_REDIRECT_URI to another port registered in the developer console.',
            })
          : e,
      ),
    );
    server.listen(port, host, () => res());
  });
  const timer = setTimeout(
    () =>
      reject(
        new AuthenticationError(
          `No answer from the Atlassian sign-in page within ${Math.round(opts.timeoutMs / 1000)} s`,
          { hint: 'Run the login again and finish it in the browser.' },
        ),
      ),
    opts.timeoutMs,
  );
  timer.unref();
  const onAbort = () => reject(cancelledBy(opts.signal, 'The sign-in was cancelled'));
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) onAbort();
  let closed = false;
  return {
    callback,
    close: async () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      server.closeAllConnections();
      await new Promise<void>((res) => server.close(() => res()));
    },
  };
}
