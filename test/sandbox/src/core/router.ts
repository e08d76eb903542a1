// A precomputed routing table: one segment trie per HTTP method. Matching is O(segments);
// static segments win over `{param}` segments, with backtracking.

interface Node<T> {
  statics: Map<string, Node<T>>;
  param?: Node<T>;
  /** The route ending here and the names of its `{param}` segments, in order. */
  terminal?: { value: T; names: string[] };
}

const newNode = <T>(): Node<T> => ({ statics: new Map() });

export interface RouteMatch<T> {
  value: T;
  params: Record<string, string>;
}

export class Router<T> {
  private readonly roots = new Map<string, Node<T>>();

  add(method: string, template: string, value: T): void {
    const m = method.toUpperCase();
    let node = this.roots.get(m);
    if (!node) this.roots.set(m, (node = newNode<T>()));
    const names: string[] = [];
    for (const seg of splitPath(template)) {
      const p = /^\{(.+)\}$/.exec(seg);
      if (p) {
        names.push(p[1]!);
        node = node.param ??= newNode<T>();
      } else {
        let next = node.statics.get(seg);
        if (!next) node.statics.set(seg, (next = newNode<T>()));
        node = next;
      }
    }
    node.terminal = { value, names };
  }

  /** Which methods have a route for this path (for 405 answers). */
  methodsFor(path: string): string[] {
    const out: string[] = [];
    for (const m of this.roots.keys()) if (this.match(m, path)) out.push(m);
    return out;
  }

  match(method: string, path: string): RouteMatch<T> | undefined {
    const root = this.roots.get(method.toUpperCase());
    if (!root) return undefined;
    const segs = splitPath(path);
    const values: string[] = [];
    const found = walk(root, segs, 0, values);
    if (!found) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < found.names.length; i++) params[found.names[i]!] = values[i]!;
    return { value: found.value, params };
  }
}

function walk<T>(node: Node<T>, segs: string[], i: number, values: string[]): Node<T>['terminal'] {
  if (i === segs.length) return node.terminal;
  const seg = segs[i]!;
  const s = node.statics.get(seg);
  if (s) {
    const r = walk(s, segs, i + 1, values);
    if (r !== undefined) return r;
  }
  if (node.param && seg !== '') {
    values.push(safeDecode(seg));
    const r = walk(node.param, segs, i + 1, values);
    if (r !== undefined) return r;
    values.pop();
  }
  return undefined;
}

function safeDecode(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function splitPath(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/').slice(1);
}
