import * as z from 'zod';
import { inject, pager, Tool, ToolProvider } from '@atlassian-mcp/core';
import type { Queue } from '../client/jsm-http.js';
import { JsmQueues, type QueueIssue } from '../client/jsm-queues.js';
import { serviceDeskSettings, type ServiceDeskConfig } from '../config.js';
import { DeskDirectory } from '../scope/desk-directory.js';
import { SCOPE } from '../scopes.js';
import { lines } from '../view/format.js';
import { anyOut } from '../view/outputs.js';
import { cursor, limit, numericId, pageSize, serviceDeskId } from './ids.js';

const deskInput = z.object({ serviceDeskId });
const queueInput = z.object({ serviceDeskId, queueId: numericId, limit, cursor });

type QueueView = { id: string; name: string; count?: number; jql?: string };
type QueueRow = { key: string; summary: string; status?: string; type?: string; assignee?: string; reporter?: string };

function named(v: unknown): string | undefined {
  const o = v as { name?: unknown; displayName?: unknown } | undefined;
  const s = o?.displayName ?? o?.name;
  return typeof s === 'string' ? s : undefined;
}

function queueRow(i: QueueIssue): QueueRow {
  const f = (i.fields ?? {}) as Record<string, unknown>;
  return {
    key: i.key ?? i.id ?? '',
    summary: typeof f.summary === 'string' ? f.summary : '',
    status: named(f.status),
    type: named(f.issuetype),
    assignee: named(f.assignee),
    reporter: named(f.reporter),
  };
}

/** Queues of a desk and what is in them (JSM Cloud's own queue API, for agents). */
@ToolProvider()
export class QueueTools {
  constructor(
    @inject(JsmQueues) private readonly queues: JsmQueues,
    @inject(DeskDirectory) private readonly directory: DeskDirectory,
    @inject(serviceDeskSettings) private readonly config: ServiceDeskConfig,
  ) {}

  @Tool({
    name: 'servicedesk_list_queues',
    title: 'List queues',
    description: 'Queues of a desk with how many requests each holds (agents only).',
    input: deskInput,
    output: anyOut,
    readOnly: true,
    toolset: 'queues',
    targets: { serviceDeskId: 'desk' },
    scopes: [SCOPE.read, SCOPE.jiraRead],
    render: (out, kit) => {
      const o = out as { desk: string; queues: QueueView[] };
      if (o.queues.length === 0) return `${o.desk} has no queues.`; // the desk's project key
      return kit.fence(
        o.queues.map((q) => `${q.id} ${q.name}${q.count !== undefined ? ` (${q.count})` : ''}`).join('\n'),
        'queues',
      );
    },
  })
  async list(input: z.infer<typeof deskInput>): Promise<{ desk: string; queues: QueueView[] }> {
    const desk = await this.directory.resolve(input.serviceDeskId);
    const queues = await this.queues.list(desk.id);
    return {
      desk: desk.projectKey,
      queues: queues.map((q: Queue) => ({
        id: String(q.id ?? ''),
        name: q.name ?? '',
        count: q.issueCount,
        jql: q.jql,
      })),
    };
  }

  @Tool({
    name: 'servicedesk_get_queue_requests',
    title: 'Get queue requests',
    description: 'The requests in a queue, in queue order.',
    input: queueInput,
    output: anyOut,
    readOnly: true,
    toolset: 'queues',
    targets: { serviceDeskId: 'desk' },
    scopes: [SCOPE.read, SCOPE.jiraRead],
    render: (out, kit) => {
      const o = out as { requests: QueueRow[]; nextCursor?: string };
      if (o.requests.length === 0) return 'The queue is empty.';
      const rows = o.requests.map((r) =>
        [r.key, r.status ?? '?', r.type ?? '', r.assignee ?? 'unassigned', r.reporter ?? '', r.summary].join(' | '),
      );
      return lines(
        'key | status | type | assignee | reporter | summary',
        kit.fence(rows.join('\n'), 'requests'),
        kit.more({ shown: o.requests.length, nextCursor: o.nextCursor, noun: 'requests' }),
      );
    },
  })
  async requests(input: z.infer<typeof queueInput>): Promise<{ requests: QueueRow[]; nextCursor?: string }> {
    const desk = await this.directory.resolve(input.serviceDeskId);
    const p = pager('servicedesk.queue', input.cursor, { desk: desk.id, queue: input.queueId });
    const { start, limit: size } = p.jsm(pageSize(input.limit, this.config.pageSize));
    const page = p.jsmPage<QueueIssue>(await this.queues.issues(desk.id, input.queueId, start, size));
    return { requests: page.items.map(queueRow), nextCursor: page.nextCursor };
  }
}
