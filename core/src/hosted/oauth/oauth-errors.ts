/** An OAuth error answer (RFC 6749 §5.2 / RFC 7591 §3.2.2): JSON, never cached. */
export class OAuthFailure extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
  ) {
    super(description);
  }

  response(): Response {
    return Response.json(
      { error: this.error, error_description: this.description },
      { status: this.status, headers: { 'cache-control': 'no-store' } },
    );
  }
}

/** Reads a small request body (forms, registration JSON) with a limit. */
export async function readSmallBody(request: Request, limit = 64 * 1024): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) throw new OAuthFailure('invalid_request', 'The request body is too large', 413);
  const text = await request.text();
  if (Buffer.byteLength(text) > limit) throw new OAuthFailure('invalid_request', 'The request body is too large', 413);
  return text;
}

/** A form-encoded body as a map; a repeated parameter is refused (RFC 6749 §3.1). */
export async function readForm(request: Request): Promise<Map<string, string>> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded'))
    throw new OAuthFailure('invalid_request', 'Send the parameters as application/x-www-form-urlencoded');
  return singleValues(new URLSearchParams(await readSmallBody(request)));
}

export function singleValues(params: URLSearchParams): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of params) {
    if (out.has(k)) throw new OAuthFailure('invalid_request', `The parameter ${k} was sent more than once`);
    out.set(k, v);
  }
  return out;
}
