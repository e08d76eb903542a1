'use strict';
// The facts a user needs from an issue, read from the raw REST JSON, and a check that a tool's
// text still carries each one. Keeps the token ratio honest: shrinking output by dropping facts
// would show up here as missing facts.

function walk(node, visit) {
  if (!node || typeof node !== 'object') return;
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

function textOf(node) {
  let s = '';
  walk(node, (n) => {
    if (n.type === 'text') s += n.text;
  });
  return s;
}

/** Code lines and link targets in an ADF description. */
function descriptionFacts(doc) {
  const facts = [];
  walk(doc, (n) => {
    if (n.type === 'codeBlock') {
      const first = textOf(n)
        .split('\n')
        .find((l) => l.trim());
      if (first) facts.push({ kind: 'description code', expect: first.trim() });
    }
    for (const mark of n.marks ?? [])
      if (mark.type === 'link' && mark.attrs?.href) facts.push({ kind: 'description link', expect: mark.attrs.href });
    if ((n.type === 'inlineCard' || n.type === 'blockCard') && n.attrs?.url)
      facts.push({ kind: 'description link', expect: n.attrs.url });
  });
  return facts;
}

/** Every fact of a raw issue (`GET /rest/api/3/issue/{key}`) that the tool's output should carry. */
function issueFacts(raw) {
  const f = raw.fields;
  const facts = [
    { kind: 'key', expect: raw.key },
    { kind: 'summary', expect: f.summary },
    { kind: 'status', expect: f.status?.name },
  ];
  if (f.assignee) facts.push({ kind: 'assignee', expect: f.assignee.displayName });
  if (f.reporter) facts.push({ kind: 'reporter', expect: f.reporter.displayName });
  facts.push(...descriptionFacts(f.description));
  for (const c of (f.comment?.comments ?? []).slice(-5))
    facts.push({ kind: 'comment', expect: c.id }, { kind: 'comment author', expect: c.author?.displayName });
  for (const a of f.attachment ?? []) facts.push({ kind: 'attachment', expect: a.filename });
  for (const s of f.subtasks ?? []) facts.push({ kind: 'subtask', expect: s.key });
  for (const l of f.issuelinks ?? []) facts.push({ kind: 'link', expect: (l.outwardIssue ?? l.inwardIssue)?.key });
  for (const value of Object.values(f)) {
    if (Array.isArray(value) && value.some((v) => v && typeof v === 'object' && 'boardId' in v && 'state' in v)) {
      for (const sprint of value) facts.push({ kind: 'sprint', expect: sprint.name });
    }
  }
  for (const w of f.worklog?.worklogs ?? []) {
    facts.push({ kind: 'worklog', expect: w.id }, { kind: 'worklog author', expect: w.author?.displayName });
    // What the work was (issue 13: a reader needs the worklog comments): its first words.
    const said = textOf(w.comment).trim().split(/\s+/).slice(0, 4).join(' ');
    if (said) facts.push({ kind: 'worklog comment', expect: said });
  }
  return facts.filter((x) => typeof x.expect === 'string' && x.expect.length > 0);
}

/** Which facts `text` lacks. */
function missingFacts(facts, text) {
  return facts.filter((x) => !text.includes(x.expect));
}

module.exports = { issueFacts, missingFacts };
