/**
 * The default text rendering of a structured result: indented `key: value` lines, no nulls,
 * no empty lists, no quotes unless needed. Cheap for a model to read; used when a tool has no
 * `render` of its own. With `fence`, multi-line strings (which may be user-authored) are fenced.
 */
export function compactText(value: unknown, indent = '', fence?: (text: string) => string): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return `${indent}${String(value)}`;
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item === null || item === undefined) continue;
      if (typeof item === 'object') {
        const inner = compactText(item, `${indent}  `, fence).replace(/^\s+/, '');
        lines.push(`${indent}- ${inner}`);
      } else lines.push(`${indent}- ${String(item)}`);
    }
    return lines.join('\n');
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (typeof v === 'object') {
      const inner = compactText(v, `${indent}  `, fence);
      if (inner.trim() === '') continue;
      lines.push(`${indent}${k}:\n${inner}`);
    } else {
      const s = String(v);
      if (!s.includes('\n')) lines.push(`${indent}${k}: ${s}`);
      else lines.push(fence ? `${indent}${k}:\n${fence(s)}` : `${indent}${k}: |\n${s.replace(/^/gm, `${indent}  `)}`);
    }
  }
  return lines.join('\n');
}

/** Cuts text to a budget at a line boundary and says so honestly. */
export function applyBudget(text: string, maxChars: number, nextStep?: string): string {
  if (text.length <= maxChars) return text;
  let cut = text.lastIndexOf('\n', maxChars);
  if (cut < maxChars * 0.5) cut = maxChars;
  const shown = text.slice(0, cut);
  return `${shown}\n[truncated: showing ${cut} of ${text.length} characters${nextStep ? `; ${nextStep}` : '; narrow the request (fewer fields, a smaller limit) to see the rest'}]`;
}
