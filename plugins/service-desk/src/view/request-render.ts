import type { RenderKit } from '@atlassian-mcp/core';
import { commentBlock } from './comments.js';
import { count, lines, list } from './format.js';
import type { RequestDetail, RequestRow } from './request-views.js';
import { slaLine } from './sla.js';

/** Comments shown inline by servicedesk_get_request (the rest: servicedesk_get_request_comments). */
export const COMMENTS_SHOWN = 5;

/** `ITS-12 | Waiting for support | Request new hardware | Alex Morgan | 2026-10-20 | summary` */
export function rowLine(r: RequestRow): string {
  return [r.key, r.status ?? '?', r.requestType ?? '', r.reporter ?? '', r.created ?? '', r.summary].join(' | ');
}

/** The one text block of `servicedesk_get_request`: facts first, what people wrote fenced. */
export function renderRequest(r: RequestDetail, kit: RenderKit): string {
  const { inline } = kit;
  const head = lines(
    [
      r.key,
      r.requestType && `${inline(r.requestType)} (type ${r.requestTypeId})`,
      r.serviceDesk
        ? `${inline(r.serviceDesk)}, desk ${r.serviceDeskId}`
        : r.serviceDeskId && `desk ${r.serviceDeskId}`,
    ]
      .filter(Boolean)
      .join(' · '),
    `status ${inline(r.status ?? '?')}${r.statusCategory ? ` [${r.statusCategory.toLowerCase()}]` : ''}${r.statusSince ? ` since ${r.statusSince}` : ''}`,
    [r.reporter && `reporter ${inline(r.reporter)}`, r.created && `created ${r.created}`].filter(Boolean).join(' · '),
    list(
      'participants',
      r.participants?.map((p) => inline(p)),
    ),
    ...(r.sla ?? []).map((s) => `SLA ${slaLine(s, inline)}`),
    !!r.statusHistory?.length &&
      `status history: ${r.statusHistory.map((s) => `${inline(s.status)}${s.since ? ` ${s.since}` : ''}`).join(' → ')}`,
    list(
      'attachments',
      r.attachments?.map(
        (a) =>
          `${inline(a.filename)} (${[a.size, a.author && inline(a.author), a.created].filter(Boolean).join(', ')})`,
      ),
    ),
    list(
      'transitions',
      r.transitions?.map((t) => `${t.id} ${inline(t.name)}`),
    ),
    list('you can', r.canDo),
    r.portalUrl && `portal: ${r.portalUrl}`,
  );
  const fields = r.fields.map((f) => (f.value.includes('\n') ? `${f.name}:\n${f.value}` : `${f.name}: ${f.value}`));
  const body = kit.fence(lines(`# ${r.summary}`, ...fields), 'request');
  const all = r.comments ?? [];
  const shown = all.slice(-COMMENTS_SHOWN);
  const comments =
    shown.length > 0
      ? lines(
          `Comments (${count(shown.length, r.commentsTotal ?? all.length)}, oldest first; public = the customer sees it):`,
          ...shown.map((c) => commentBlock(c, kit)),
          all.length > shown.length && `older comments: servicedesk_get_request_comments issueKey="${r.key}"`,
        )
      : r.comments && 'No comments.';
  return lines(head, body, comments);
}
