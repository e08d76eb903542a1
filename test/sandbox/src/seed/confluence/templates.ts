// Content templates (v1 `/template`): global ones plus a few space templates, in storage.
import type { Template } from '../../confluence/model.js';

export function templates(counters: Record<string, number>): Template[] {
  const t = (name: string, description: string, body: string, labels: string[], spaceKey?: string): Template => ({
    templateId: String(counters.template!++),
    name,
    description,
    templateType: 'page',
    ...(spaceKey ? { spaceKey } : {}),
    body,
    labels,
  });
  return [
    t(
      'Meeting notes',
      'Date, attendees, discussion, action items.',
      '<h2>Date</h2><p /><h2>Attendees</h2><ul><li><p /></li></ul><h2>Discussion</h2><table data-layout="default"><tbody><tr><th><p>Topic</p></th><th><p>Notes</p></th></tr><tr><td><p /></td><td><p /></td></tr></tbody></table><h2>Action items</h2><ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body /></ac:task></ac:task-list>',
      ['meeting-notes'],
    ),
    t(
      'Decision record (ADR)',
      'Context, options, decision, consequences.',
      '<table data-layout="default"><tbody><tr><th><p>Status</p></th><th><p>Owner</p></th></tr><tr><td><p><ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="title">PROPOSED</ac:parameter><ac:parameter ac:name="colour">Yellow</ac:parameter></ac:structured-macro></p></td><td><p /></td></tr></tbody></table><h2>Context</h2><p /><h2>Options considered</h2><p /><h2>Decision</h2><p /><h2>Consequences</h2><ul><li><p /></li></ul>',
      ['adr'],
      'ENG',
    ),
    t(
      'Incident postmortem',
      'Summary, impact, timeline, root cause, actions.',
      '<h2>Summary</h2><p /><h2>Impact</h2><p /><h2>Timeline (UTC)</h2><table data-layout="default"><tbody><tr><th><p>Time</p></th><th><p>Event</p></th></tr><tr><td><p /></td><td><p /></td></tr></tbody></table><h2>Root cause</h2><p /><h2>Action items</h2><ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body /></ac:task></ac:task-list>',
      ['postmortem'],
      'OPS',
    ),
    t(
      'Runbook',
      'When to use, steps, verify, rollback.',
      '<ac:structured-macro ac:name="info" ac:schema-version="1"><ac:rich-text-body><p><strong>When to use</strong>: </p></ac:rich-text-body></ac:structured-macro><h2>Steps</h2><ol><li><p /></li></ol><h2>Verify</h2><p /><h2>Rollback</h2><p />',
      ['runbook'],
      'OPS',
    ),
    t(
      'Product requirements',
      'Problem, goals, non-goals, user stories, open questions.',
      '<h2>Problem</h2><p /><h2>Goals</h2><ul><li><p /></li></ul><h2>Non-goals</h2><ul><li><p /></li></ul><h2>User stories</h2><p /><h2>Open questions</h2><p />',
      ['prd'],
    ),
  ];
}
