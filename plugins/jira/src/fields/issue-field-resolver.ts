import { InputError, inject, Service } from '@atlassian-mcp/core';
import { FieldCatalog } from './field-catalog.js';
import { describeAllowed, type FieldMeta } from './field-meta.js';
import { FieldValueResolver, type FieldScope } from './field-value-resolver.js';

/** Fields a tool sets itself, never reported as missing. */
const SET_BY_TOOL = new Set(['project', 'issuetype', 'summary', 'reporter']);

/** Resolves `{ "Story Points": 5, "Team": "Platform" }` against a screen's field metadata. */
@Service()
export class IssueFieldResolver {
  constructor(
    @inject(FieldCatalog) private readonly catalog: FieldCatalog,
    @inject(FieldValueResolver) private readonly values: FieldValueResolver,
  ) {}

  /** Field ids → Jira JSON. `screen` names the screen in errors ("create screen of ENG Bug"). */
  async resolve(
    input: Record<string, unknown>,
    meta: FieldMeta[],
    scope: FieldScope,
    screen: string,
  ): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(input)) {
      const field = await this.find(name, meta, screen);
      out[field.id] = await this.values.toJira(field, value, scope);
    }
    return out;
  }

  /**
   * Like {@link resolve}, but a multi-value field given as `{ add?: […], remove?: […] }` becomes
   * Jira `update` operations, so labels, components or versions change without a read-modify-write.
   */
  async resolveEdits(
    input: Record<string, unknown>,
    meta: FieldMeta[],
    scope: FieldScope,
    screen: string,
  ): Promise<{ fields: Record<string, unknown>; update: Record<string, unknown[]> }> {
    const sets: Record<string, unknown> = {};
    const update: Record<string, unknown[]> = {};
    for (const [name, value] of Object.entries(input)) {
      const ops = editOps(value);
      if (!ops) {
        sets[name] = value;
        continue;
      }
      const field = await this.find(name, meta, screen);
      if (field.schema.type !== 'array')
        throw new InputError(`Field '${field.name}' holds one value: set it instead of add/remove.`);
      const list: unknown[] = [];
      for (const [verb, items] of ops) {
        for (const item of (await this.values.toJira(field, items, scope)) as unknown[]) list.push({ [verb]: item });
      }
      update[field.id] = list;
    }
    return { fields: await this.resolve(sets, meta, scope, screen), update };
  }

  /** Throws one InputError naming every required field still missing, with its allowed values. */
  assertRequired(meta: FieldMeta[], provided: Iterable<string>, screen: string): void {
    const have = new Set(provided);
    const missing = meta.filter((m) => m.required && !m.hasDefault && !have.has(m.id) && !SET_BY_TOOL.has(m.id));
    if (missing.length === 0) return;
    const fieldErrors: Record<string, string> = {};
    const parts = missing.map((m) => {
      const allowed = describeAllowed(m);
      fieldErrors[m.name] = allowed ? `required; allowed: ${allowed}` : `required (${m.schema.type})`;
      return allowed ? `${m.name} (allowed: ${allowed})` : `${m.name} (${m.schema.type})`;
    });
    throw new InputError(`Missing required fields for the ${screen}: ${parts.join('; ')}.`, {
      hint: 'Add them to `fields` by name and call again.',
      fieldErrors,
    });
  }

  private async find(name: string, meta: FieldMeta[], screen: string): Promise<FieldMeta> {
    const wanted = name.trim().toLowerCase();
    const direct = meta.find((m) => m.name.toLowerCase() === wanted || m.id.toLowerCase() === wanted);
    if (direct) return direct;
    const known = await this.catalog.find(name);
    const onScreen = known && meta.find((m) => m.id === known.id);
    if (onScreen) return onScreen;
    if (known) {
      throw new InputError(`Field '${known.name}' cannot be set on the ${screen}.`, {
        hint: `Fields on that screen: ${meta.map((m) => m.name).join(', ')}.`,
        fieldErrors: { [name]: 'not on screen' },
      });
    }
    const similar = await this.catalog.similar(name);
    throw new InputError(`Unknown field '${name}'.`, {
      hint: similar.length
        ? `Did you mean: ${similar.join(', ')}? (jira_search_fields lists fields)`
        : 'Use jira_search_fields to find field names.',
      fieldErrors: { [name]: 'unknown field' },
    });
  }
}

/** `{ add: x, remove: [y] }` → [['add', [x]], ['remove', [y]]]; anything else is a plain value. */
function editOps(value: unknown): Array<['add' | 'remove', unknown[]]> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.every((k) => k === 'add' || k === 'remove')) return undefined;
  const v = value as { add?: unknown; remove?: unknown };
  return (['add', 'remove'] as const)
    .filter((k) => v[k] !== undefined)
    .map((k) => [k, Array.isArray(v[k]) ? (v[k] as unknown[]) : [v[k]]]);
}
