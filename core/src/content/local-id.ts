import { randomUUID } from 'node:crypto';

/** A fresh `localId` for nodes the schema requires one on (task and decision lists). */
export function localId(): string {
  return randomUUID();
}
