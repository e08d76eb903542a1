import { closest } from '@atlassian-mcp/config';
import type { ZodObjectSchema } from '../plugin-api/decorators.js';
import { inlineText } from '../render/neutralise.js';

type Standard = ZodObjectSchema['~standard'];
type Validated = Awaited<ReturnType<Standard['validate']>>;
type Issue = NonNullable<Validated['issues']>[number];
/** The Standard Schema face the SDK validates tool arguments through (`~standard.validate`). */
export interface StandardInput {
  readonly '~standard': Standard;
}

const NAMED_AT_MOST = 5;
const NAME_MAX_CHARS = 60;

/**
 * A tool's input schema that refuses arguments it does not declare. Zod objects strip unknown
 * keys, so a misspelled argument (`jqll`) ran as if it had not been given. The SDK validates
 * through this schema before the handler runs, so nothing reaches Atlassian; the refusal names the
 * unknown argument, the declared one it most likely meant, and every accepted name. Listing is
 * untouched (tools/list is built from the plugin's own schema; `additionalProperties: false` on
 * every tool would cost tokens on every model request).
 */
export function rejectingUnknownArguments(schema: ZodObjectSchema): StandardInput {
  const catchall = schema._zod.def.catchall;
  // A schema that deliberately takes any further key (z.looseObject, .catchall(x)) keeps doing so.
  if (catchall !== undefined && catchall._zod.def.type !== 'never') return schema;
  const known = Object.keys(schema.shape);
  const standard = schema['~standard'];
  const validate = (value: unknown): ReturnType<Standard['validate']> => {
    const unknown = unknownKeys(value, known);
    const result = standard.validate(value);
    if (unknown.length === 0) return result;
    const refusal: Issue = { message: unknownArgumentsMessage(unknown, known) };
    const withRefusal = (r: Validated): Validated => ({
      // Last: the SDK joins issues with ", ", and the accepted names end the text unambiguously.
      issues: [...(r.issues ?? []).filter((i) => (i as { code?: string }).code !== 'unrecognized_keys'), refusal],
    });
    return result instanceof Promise ? result.then(withRefusal) : withRefusal(result);
  };
  return { '~standard': { ...standard, validate } };
}

function unknownKeys(value: unknown, known: string[]): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.keys(value).filter((k) => !known.includes(k));
}

/** `unknown argument "jqll" (did you mean "jql"?); accepted: jql, limit, cursor` */
export function unknownArgumentsMessage(unknown: string[], known: string[]): string {
  const named = unknown.slice(0, NAMED_AT_MOST).map((k) => {
    const shown = `"${inlineText(k.slice(0, NAME_MAX_CHARS * 2), NAME_MAX_CHARS)}"`;
    // Long names are no typo of a declared one; skip the edit-distance work on them.
    const hit = k.length <= NAME_MAX_CHARS ? meant(k, known) : undefined;
    return hit ? `${shown} (did you mean "${hit}"?)` : shown;
  });
  const more = unknown.length > NAMED_AT_MOST ? ` and ${unknown.length - NAMED_AT_MOST} more` : '';
  const accepted = known.length > 0 ? known.join(', ') : 'none (call it with no arguments)';
  return `unknown argument${unknown.length > 1 ? 's' : ''} ${named.join(', ')}${more}; accepted: ${accepted}`;
}

const plain = (name: string) => name.toLowerCase().replace(/[-_\s]/g, '');

/** Paging names models bring from Atlassian's REST API and other servers (the seed's `max_results`). */
const SYNONYMS: Record<string, string> = {
  maxresults: 'limit',
  pagesize: 'limit',
  perpage: 'limit',
  count: 'limit',
  startat: 'cursor',
  offset: 'cursor',
  page: 'cursor',
  pagetoken: 'cursor',
  nextpagetoken: 'cursor',
};

/** The declared name a typo most likely meant: same letters (`issue_key`), one swap (`titel`), or a close edit. */
function meant(word: string, known: string[]): string | undefined {
  const w = plain(word);
  const synonym = SYNONYMS[w];
  return (
    known.find((k) => plain(k) === w) ??
    (synonym !== undefined ? known.find((k) => k === synonym) : undefined) ??
    known.find((k) => {
      const p = plain(k);
      if (p.length !== w.length) return false;
      const at = [...p].findIndex((c, i) => c !== w[i]);
      return at >= 0 && p[at] === w[at + 1] && p[at + 1] === w[at] && p.slice(at + 2) === w.slice(at + 2);
    }) ??
    closest(word, known)
  );
}
