// Deterministic UUIDs for things the sandbox mints (inline-comment marker refs, file ids), so
// the same calls give the same data.
import { createHash } from 'node:crypto';

export function uuidFrom(s: string): string {
  const h = createHash('sha256').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
