import { proxyConfigured } from './dispatcher.js';

/** A failed connection said for a person: what went wrong (DNS, refused, TLS, proxy, timeout) and what to do. */
export interface NetworkProblem {
  code?: string;
  problem: string;
  hint: string;
}

/** The first network error code along an error's `cause` chain (`fetch failed` hides it a level or two down). */
export function networkCode(e: unknown): string | undefined {
  return networkError(e)?.code;
}

function networkError(e: unknown): { code: string; message: string } | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur; i++) {
    const { code, message } = cur as { code?: unknown; message?: unknown };
    // System and undici codes are upper case; core's own error codes (`authentication`, …) are not.
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code)) return { code, message: String(message ?? '') };
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

const TLS = /^(CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|ERR_TLS_|ERR_SSL_|EPROTO$)/;
const SITE = 'Check ATLASSIAN_SITE_URL (e.g. https://your-domain.atlassian.net)';

/**
 * Names the cause of a connection that failed before any answer, or undefined when `e` is not one.
 * Never includes credentials: only the host, the code and the proxy's presence.
 */
export function networkProblem(
  e: unknown,
  url: string,
  env: NodeJS.ProcessEnv = process.env,
): NetworkProblem | undefined {
  const found = networkError(e);
  const code = found?.code;
  const host = new URL(url).host;
  if (!code) {
    // fetch's own refusals (a blocked port, a bad URL) carry only a message on the cause.
    const cause = (e as { cause?: unknown } | null)?.cause;
    if (!(e instanceof TypeError) || !(cause instanceof Error)) return undefined;
    return { problem: `could not connect to ${host} (${cause.message})`, hint: `${SITE}.` };
  }
  // undici reports a proxy that refuses the tunnel as an abort, with the proxy's status in the message.
  const refusedBy = /Proxy response \((\d+)\)/.exec(found!.message)?.[1];
  if (refusedBy)
    return {
      code,
      problem: `the proxy refused to connect to ${host} (HTTP ${refusedBy})`,
      hint: 'Check the proxy address and credentials in HTTPS_PROXY, or add the site to NO_PROXY.',
    };
  if (/^(ABORT_ERR|UND_ERR_ABORTED)$/.test(code)) return undefined;
  const viaProxy = proxyConfigured(env);
  const proxyHint = viaProxy
    ? ' A proxy is configured (HTTPS_PROXY/HTTP_PROXY): check it, or add the site to NO_PROXY.'
    : ' Behind a corporate proxy, set HTTPS_PROXY.';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return {
      code,
      problem: `DNS: ${host} could not be resolved (${code})`,
      hint: `${SITE}; it may be misspelled, or this machine has no DNS/network.${viaProxy ? proxyHint : ''}`,
    };
  if (code === 'ECONNREFUSED')
    return {
      code,
      problem: `${viaProxy ? 'the proxy' : host} refused the connection (${code})`,
      hint: viaProxy ? `Nothing accepts connections at the proxy.${proxyHint}` : `${SITE}: nothing listens at ${host}.`,
    };
  if (TLS.test(code))
    return {
      code,
      problem: `TLS: no secure connection to ${host} (${code})`,
      hint:
        'A proxy or antivirus that inspects HTTPS presents its own certificate: point NODE_EXTRA_CA_CERTS at its CA ' +
        `file. ${SITE}: an https:// URL must lead to an HTTPS server.`,
    };
  if (/TIMEOUT|ETIMEDOUT/.test(code))
    return {
      code,
      problem: `connecting to ${host} timed out (${code})`,
      hint: `A firewall may be dropping the connection.${proxyHint}`,
    };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
    return {
      code,
      problem: `the connection to ${host} was reset (${code})`,
      hint: `Retry; if it keeps happening, a proxy or firewall is cutting it.${proxyHint}`,
    };
  if (/^(ENETUNREACH|EHOSTUNREACH|ENETDOWN)$/.test(code))
    return {
      code,
      problem: `${host} is unreachable from this machine (${code})`,
      hint: `Check the network.${proxyHint}`,
    };
  return {
    code,
    problem: `could not connect to ${host} (${code})`,
    hint: `Check the network and ${SITE}.${proxyHint}`,
  };
}
