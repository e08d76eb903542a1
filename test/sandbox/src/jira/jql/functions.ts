// JQL functions in operands: currentUser(), membersOf(), openSprints(), releasedVersions(),
// standardIssueTypes(), cascadeOption(), and the date functions (see ./dates.ts).
import { dateFunction } from './dates.js';
import { noFunction, notExist, type CompileContext, type JqlField, type Val } from './field.js';
import { JqlError, type Operand } from './parser.js';

export function resolveFunction(
  f: JqlField,
  o: Extract<Operand, { kind: 'func' }>,
  field: string,
  c: CompileContext,
): Val[] {
  const name = o.name.toLowerCase();
  const st = c.store;
  const dateFns = [
    'now',
    'startofday',
    'endofday',
    'startofweek',
    'endofweek',
    'startofmonth',
    'endofmonth',
    'startofyear',
    'endofyear',
  ];
  const known = [
    ...dateFns,
    'currentuser',
    'membersof',
    'opensprints',
    'closedsprints',
    'futuresprints',
    'releasedversions',
    'unreleasedversions',
    'latestreleasedversion',
    'earliestunreleasedversion',
    'standardissuetypes',
    'subtaskissuetypes',
    'cascadeoption',
  ];
  if (!known.includes(name)) throw new JqlError(`Unable to find JQL function '${o.name}()'.`);
  if (dateFns.includes(name)) {
    if (f.kind !== 'date' && f.kind !== 'datetime') throw noFunction(o.name, field);
    return [dateFunction(name, o.args, c.now, o.name)];
  }
  switch (name) {
    case 'currentuser':
      if (f.kind !== 'user' && f.kind !== 'users') throw noFunction(o.name, field);
      if (o.args.length)
        throw new JqlError(`Function '${o.name}' expected '0' arguments but received '${o.args.length}'.`);
      return [c.accountId];
    case 'membersof': {
      if (f.kind !== 'user' && f.kind !== 'users') throw noFunction(o.name, field);
      const g = (o.args[0] ?? '').toLowerCase();
      const us = [...st.users.values()].filter((u) => u.groups.some((x) => x.toLowerCase() === g));
      if (!us.length) throw new JqlError(`The group '${o.args[0] ?? ''}' does not exist.`);
      return us.map((u) => u.accountId);
    }
    case 'opensprints':
    case 'closedsprints':
    case 'futuresprints': {
      if (f.kind !== 'sprint') throw noFunction(o.name, field);
      const state = name === 'opensprints' ? 'active' : name === 'closedsprints' ? 'closed' : 'future';
      return [...st.sprints.values()].filter((s) => s.state === state).map((s) => s.id);
    }
    case 'releasedversions':
    case 'unreleasedversions':
    case 'latestreleasedversion':
    case 'earliestunreleasedversion': {
      if (f.kind !== 'versions') throw noFunction(o.name, field);
      let vs = [...st.versions.values()];
      if (o.args[0]) {
        const p = st.project(o.args[0]);
        if (!p) throw new JqlError(`Could not resolve the project '${o.args[0]}' provided to function '${o.name}'.`);
        vs = vs.filter((v) => v.projectId === p.id);
      }
      const released = name === 'releasedversions' || name === 'latestreleasedversion';
      vs = vs.filter((v) => v.released === released && !v.archived);
      if (name === 'latestreleasedversion' || name === 'earliestunreleasedversion') {
        vs.sort((a, b) => (a.releaseDate ?? '').localeCompare(b.releaseDate ?? ''));
        const one = name === 'latestreleasedversion' ? vs[vs.length - 1] : vs[0];
        return one ? [one.id] : [];
      }
      return vs.map((v) => v.id);
    }
    case 'standardissuetypes':
    case 'subtaskissuetypes':
      if (f.kind !== 'issuetype') throw noFunction(o.name, field);
      return [...st.issueTypes.values()].filter((t) => t.subtask === (name === 'subtaskissuetypes')).map((t) => t.id);
    case 'cascadeoption': {
      if (f.kind !== 'cascade') throw noFunction(o.name, field);
      const [pv, cv] = o.args;
      const p = f.def?.options?.find((x) => x.id === pv || x.value.toLowerCase() === (pv ?? '').toLowerCase());
      if (!p) throw notExist(pv ?? '', field);
      if (cv === undefined || cv.toLowerCase() === 'none') return [p.id];
      const ch = p.children?.find((x) => x.id === cv || x.value.toLowerCase() === cv.toLowerCase());
      if (!ch) throw notExist(cv, field);
      return [ch.id];
    }
  }
  throw new JqlError(`Unable to find JQL function '${o.name}()'.`);
}
