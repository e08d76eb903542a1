// JQL ORDER BY → a comparator over issues (empty values last; newest first when unordered).
import { FIELD } from '../fields.js';
import type { Issue } from '../model.js';
import { resolveField, valuesOf, type CompileContext } from './field.js';
import { JqlError, type JqlQuery } from './parser.js';

export function compileOrder(q: JqlQuery, c: CompileContext): (a: Issue, b: Issue) => number {
  const st = c.store;
  const keys: Array<{ get: (i: Issue) => number | string | undefined; dir: number }> = [];
  for (const o of q.orderBy) {
    const lower = o.field.toLowerCase();
    const dir = o.dir === 'desc' ? -1 : 1;
    if (['key', 'issuekey', 'id', 'issue'].includes(lower)) {
      keys.push({ get: (i) => `${i.key.split('-')[0]}-${i.key.split('-')[1]!.padStart(9, '0')}`, dir });
      continue;
    }
    if (lower === 'rank') {
      keys.push({ get: (i) => i.rank, dir });
      continue;
    }
    const f = resolveField(o.field, c);
    switch (f.kind) {
      case 'text':
        if (f.id !== 'summary' && f.def?.schema.custom === undefined)
          throw new JqlError(`Not able to sort using field '${o.field}'.`);
        keys.push({
          get: (i) => (typeof i.fields[f.id] === 'string' ? (i.fields[f.id] as string).toLowerCase() : undefined),
          dir,
        });
        break;
      case 'priority': {
        const ids = [...st.priorities.keys()];
        // Jira: ORDER BY priority DESC lists Highest first.
        keys.push({
          get: (i) => (i.fields.priority ? ids.length - ids.indexOf(i.fields.priority as string) : undefined),
          dir,
        });
        break;
      }
      case 'status': {
        const ids = [...st.statuses.keys()];
        keys.push({ get: (i) => ids.indexOf(i.fields.status), dir });
        break;
      }
      case 'user':
        keys.push({
          get: (i) => (i.fields[f.id] ? st.user(i.fields[f.id] as string)?.displayName.toLowerCase() : undefined),
          dir,
        });
        break;
      case 'project':
        keys.push({ get: (i) => st.projects.get(i.fields.project)?.name.toLowerCase(), dir });
        break;
      case 'issuetype':
        keys.push({ get: (i) => st.issueTypes.get(i.fields.issuetype)?.name.toLowerCase(), dir });
        break;
      case 'rank':
        keys.push({ get: (i) => i.rank, dir });
        break;
      case 'datetime':
      case 'date':
      case 'number':
      case 'watchers':
      case 'votes':
        keys.push({ get: (i) => valuesOf(f, i, c)[0] as number | undefined, dir });
        break;
      case 'sprint':
        keys.push({ get: (i) => Math.max(...((i.fields[FIELD.sprint] as number[] | undefined) ?? [-1])), dir });
        break;
      case 'parent':
        keys.push({ get: (i) => (i.fields.parent ? st.issues.get(i.fields.parent as string)?.key : undefined), dir });
        break;
      case 'resolution':
      case 'option':
      case 'team':
      case 'labels':
      case 'components':
      case 'versions':
        keys.push({ get: (i) => (valuesOf(f, i, c)[0] === undefined ? undefined : String(valuesOf(f, i, c)[0])), dir });
        break;
      default:
        throw new JqlError(`Not able to sort using field '${o.field}'.`);
    }
  }
  if (keys.length === 0) keys.push({ get: (i) => i.fields.created, dir: -1 });
  return (a, b) => {
    for (const k of keys) {
      const x = k.get(a);
      const y = k.get(b);
      if (x === y) continue;
      // Empty values last, whatever the direction.
      if (x === undefined || x === null) return 1;
      if (y === undefined || y === null) return -1;
      if (x < y) return -k.dir;
      if (x > y) return k.dir;
    }
    return Number(b.id) - Number(a.id);
  };
}
