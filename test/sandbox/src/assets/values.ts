// Attribute values given to create or update an object, checked against the object type: known,
// editable attributes; values of the attribute's type (select options, users, statuses, object
// references of the right type); cardinality and uniqueness.
import type { JiraStore } from '../jira/store.js';
import type { AssetObject, AttributeValue, ObjectTypeAttribute } from './model.js';
import { assetsError } from './routes/common.js';
import type { AssetsStore } from './store.js';

export interface AttributeInput {
  objectTypeAttributeId?: unknown;
  objectAttributeValues?: Array<{ value?: unknown }>;
}

function one(st: AssetsStore, jira: JiraStore, a: ObjectTypeAttribute, raw: unknown): string {
  const v = raw === undefined || raw === null ? '' : String(raw).trim();
  const bad = (why: string) => assetsError(400, `${a.name}: ${why}`, { [a.name]: why });
  if (v === '') throw bad('a value cannot be empty.');
  switch (a.type) {
    case 1: {
      const o = st.object(v);
      if (!o) throw bad(`object '${v}' does not exist.`);
      if (a.referenceObjectTypeId && o.objectTypeId !== a.referenceObjectTypeId)
        throw bad(`object '${v}' is not a ${st.objectTypes.get(a.referenceObjectTypeId)?.name ?? 'valid reference'}.`);
      return o.id;
    }
    case 2:
      if (!jira.user(v)) throw bad(`user '${v}' does not exist.`);
      return v;
    case 7: {
      const s =
        st.statusTypes.get(v) ?? [...st.statusTypes.values()].find((x) => x.name.toLowerCase() === v.toLowerCase());
      if (!s) throw bad(`status '${v}' does not exist.`);
      return s.id;
    }
  }
  switch (a.defaultType?.id) {
    case 1:
      if (!/^-?\d+$/.test(v)) throw bad(`'${v}' is not an integer.`);
      return v;
    case 3:
      if (Number.isNaN(Number(v))) throw bad(`'${v}' is not a number.`);
      return v;
    case 2:
      if (v !== 'true' && v !== 'false') throw bad(`'${v}' is not true or false.`);
      return v;
    case 4:
      if (!/^\d{4}-\d\d-\d\d$/.test(v) || Number.isNaN(Date.parse(v))) throw bad(`'${v}' is not a date (YYYY-MM-DD).`);
      return v;
    case 6:
      if (Number.isNaN(Date.parse(v))) throw bad(`'${v}' is not a date and time.`);
      return new Date(v).toISOString();
    case 10: {
      const options = (a.options ?? '').split(',');
      const o = options.find((x) => x.toLowerCase() === v.toLowerCase());
      if (!o) throw bad(`'${v}' is not one of ${options.join(', ')}.`);
      return o;
    }
  }
  return v;
}

export function parseAttributeValues(
  st: AssetsStore,
  jira: JiraStore,
  typeId: string,
  inputs: AttributeInput[],
  current: AssetObject | undefined,
): AttributeValue[] {
  if (!Array.isArray(inputs)) throw assetsError(400, 'attributes must be a list.');
  const defs = new Map(st.attributesOf(typeId).map((a) => [a.id, a]));
  const out: AttributeValue[] = [];
  for (const input of inputs) {
    const a = defs.get(String(input.objectTypeAttributeId ?? ''));
    if (!a)
      throw assetsError(
        400,
        `Attribute ${String(input.objectTypeAttributeId ?? '')} is not an attribute of this object type.`,
      );
    if (!a.editable) throw assetsError(400, `${a.name} cannot be set.`, { [a.name]: 'not editable' });
    const values = [...new Set((input.objectAttributeValues ?? []).map((x) => one(st, jira, a, x.value)))];
    if (a.maximumCardinality !== -1 && values.length > a.maximumCardinality)
      throw assetsError(400, `${a.name} takes at most ${a.maximumCardinality} value(s).`, {
        [a.name]: 'too many values',
      });
    if (values.length < a.minimumCardinality)
      throw assetsError(400, `${a.name} needs at least ${a.minimumCardinality} value(s).`, { [a.name]: 'required' });
    if (a.unique)
      for (const v of values) {
        const clash = [...st.objects.values()].find(
          (o) => o !== current && o.attributes.some((x) => x.attributeId === a.id && x.values.includes(v)),
        );
        if (clash)
          throw assetsError(400, `${a.name} '${v}' is already used by ${clash.objectKey}.`, { [a.name]: 'not unique' });
      }
    out.push({ attributeId: a.id, values });
  }
  return out;
}
