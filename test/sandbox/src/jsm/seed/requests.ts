// The shape of a seeded request story: who raised what, how long ago, and what happened since
// (minutes after creation). The 40 stories: ./requests-its.ts (ITS-1…26), ./requests-hr.ts (HR-1…14).
import { optionId } from './config.js';

/** `[minute, kind, actor, text or transition id]`. `reply`/`customer` are public comments, `note` internal. */
export type Step =
  | [number, 'reply' | 'note' | 'customer', string, string]
  | [number, 'move', string, string]
  | [number, 'attach', string, string, 'public' | 'internal'];

export interface RequestSpec {
  rt: string;
  by: string;
  /** Raised by an agent on the reporter's behalf. */
  onBehalfBy?: string;
  summary: string;
  description?: string;
  /** Stored Jira values of other request fields (option ids, dates…). */
  fields?: Record<string, unknown>;
  priority?: string;
  assignee?: string;
  /** Hours before the seed's moment. */
  ago: number;
  steps?: Step[];
  participants?: string[];
  orgs?: string[];
  /** Seeded Assets objects, by name. */
  assets?: string[];
  /** `[minute, approver, decision]`; without one the approval is pending. */
  decision?: [number, string, 'approved' | 'declined'];
  feedback?: [number, string?];
  channel?: 'portal' | 'email';
  labels?: string[];
}

/** A select field's stored value, by option value. */
export const opt = (fieldId: string, value: string) => ({ [fieldId]: optionId(fieldId, value) });
/** Minutes in an hour (steps are in minutes). */
export const H = 60;
