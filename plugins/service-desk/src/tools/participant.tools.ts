import * as z from 'zod';
import { inject, Tool, ToolProvider, type ToolContext, type RenderKit } from '@atlassian-mcp/core';
import type { JsmUser } from '../client/jsm-http.js';
import { JsmParticipants } from '../client/jsm-participants.js';
import { SCOPE } from '../scopes.js';
import { person } from '../view/format.js';
import { anyOut } from '../view/outputs.js';
import { accountId, distinctIds, issueKey } from './ids.js';

const keyInput = z.object({ issueKey });
const changeInput = z.object({ issueKey, accountIds: z.array(accountId) });
const notifyInput = z.object({ issueKey, subscribe: z.boolean() });

type Person = { accountId: string; name: string; email?: string };
type Participants = { key: string; participants: Person[]; changed?: boolean };

const personView = (u: JsmUser): Person => ({
  accountId: u.accountId ?? '',
  name: person(u) ?? '?',
  email: u.emailAddress,
});
const personLine = (p: Person) => `${p.name}${p.email ? ` <${p.email}>` : ''} (${p.accountId})`;

function renderParticipants(o: Participants, kit: RenderKit, verb?: string): string {
  const list = o.participants.length
    ? kit.fence(o.participants.map(personLine).join('\n'), 'participants')
    : 'no participants';
  return verb ? `${verb} on ${o.key}. Participants now:\n${list}` : list;
}

/** Participants (they see the request and its public comments) and notification subscription. */
@ToolProvider()
export class ParticipantTools {
  constructor(@inject(JsmParticipants) private readonly participants: JsmParticipants) {}

  @Tool({
    name: 'servicedesk_get_participants',
    title: 'Get participants',
    description: 'People added to a request: they see it and its public comments.',
    input: keyInput,
    output: anyOut,
    readOnly: true,
    toolset: 'participants',
    targets: { issueKey: 'request' },
    scopes: [SCOPE.read],
    render: (out, kit) => renderParticipants(out as Participants, kit),
  })
  async list(input: z.infer<typeof keyInput>): Promise<Participants> {
    return { key: input.issueKey, participants: (await this.participants.list(input.issueKey)).map(personView) };
  }

  @Tool({
    name: 'servicedesk_add_participants',
    title: 'Add participants',
    description: 'Add people (account ids) to a request; the user confirms, as they will see it.',
    input: changeInput,
    output: anyOut,
    readOnly: false,
    idempotent: true,
    toolset: 'participants',
    targets: { issueKey: 'request' },
    scopes: [SCOPE.read, SCOPE.write],
    render: (out, kit) => {
      const o = out as Participants;
      return o.changed === false
        ? `Nothing added: the user did not confirm.`
        : renderParticipants(o, kit, 'Added (they now see the request and its public comments, and are notified)');
    },
  })
  async add(input: z.infer<typeof changeInput>, ctx: ToolContext): Promise<Participants> {
    const ids = distinctIds(input.accountIds);
    const ok = await ctx.confirm(
      `Add ${ids.join(', ')} to ${input.issueKey}? They will see the request and its public comments, and be notified.`,
    );
    if (!ok)
      return {
        key: input.issueKey,
        participants: (await this.participants.list(input.issueKey)).map(personView),
        changed: false,
      };
    const now = await this.participants.change(input.issueKey, ids, true);
    return { key: input.issueKey, participants: now.map(personView), changed: true };
  }

  @Tool({
    name: 'servicedesk_remove_participants',
    title: 'Remove participants',
    description: 'Remove people (account ids) from a request.',
    input: changeInput,
    output: anyOut,
    readOnly: false,
    idempotent: true,
    toolset: 'participants',
    targets: { issueKey: 'request' },
    scopes: [SCOPE.read, SCOPE.write],
    render: (out, kit) => renderParticipants(out as Participants, kit, 'Removed'),
  })
  async remove(input: z.infer<typeof changeInput>): Promise<Participants> {
    const now = await this.participants.change(input.issueKey, distinctIds(input.accountIds), false);
    return { key: input.issueKey, participants: now.map(personView), changed: true };
  }

  @Tool({
    name: 'servicedesk_manage_notifications',
    title: 'Manage notifications',
    description: 'Subscribe yourself to a request’s notifications, or unsubscribe.',
    input: notifyInput,
    output: anyOut,
    readOnly: false,
    idempotent: true,
    toolset: 'participants',
    targets: { issueKey: 'request' },
    scopes: [SCOPE.read, SCOPE.write],
    render: (out) =>
      `You are ${out.subscribed ? 'subscribed to' : 'unsubscribed from'} notifications of ${String(out.key)}.`,
  })
  async notifications(input: z.infer<typeof notifyInput>): Promise<{ key: string; subscribed: boolean }> {
    await this.participants.subscribe(input.issueKey, input.subscribe);
    return { key: input.issueKey, subscribed: await this.participants.subscribed(input.issueKey) };
  }
}
