/** HTML for the person at the browser: the consent question and the outcome pages. */

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** No framing (clickjacking), no caching, no referrer (the URL carries codes), scripts off. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font:16px system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#172b4d}
button{font:inherit;padding:.5rem 1.2rem;margin-right:.5rem}code{background:#f4f5f7;padding:0 .2rem}</style>
</head><body>${body}</body></html>`;
}

/**
 * Asks the user whether this client may act for them. Shown before the Atlassian consent on every
 * authorization: the server signs in to Atlassian with one app for every client, so without this
 * step a malicious client could ride on an earlier consent (the confused-deputy problem).
 */
export function consentPage(o: {
  clientName: string;
  redirectHost: string;
  scopes: string[];
  txn: string;
  csrf: string;
}): string {
  const scopes = o.scopes.length
    ? o.scopes.map((s) => `<li><code>${escape(s)}</code></li>`).join('')
    : '<li>the default set</li>';
  return page(
    'Allow access to Atlassian?',
    `<h1>Allow access to Atlassian?</h1>
<p><strong>${escape(o.clientName)}</strong> (returning to <code>${escape(o.redirectHost)}</code>) asks to use Atlassian tools as you.</p>
<p>Atlassian scopes:</p><ul>${scopes}</ul>
<p>Next, Atlassian asks you to sign in and confirm.</p>
<form method="post" action="/authorize">
<input type="hidden" name="txn" value="${escape(o.txn)}"><input type="hidden" name="csrf" value="${escape(o.csrf)}">
<button type="submit" name="decision" value="allow">Allow</button><button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

export function problemPage(message: string): string {
  return page(
    'Sign-in problem',
    `<h1>Sign-in problem</h1><p>${escape(message)}</p><p>Start the sign-in again from your MCP client.</p>`,
  );
}
