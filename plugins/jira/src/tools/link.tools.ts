import * as z from 'zod';
import { InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraIssues } from '../client/jira-issues.js';
import type { JiraSchemas } from '../client/jira-http.js';
import { JiraLinks, type IssueLinkType } from '../client/jira-links.js';
import { JiraRichText } from '../content/jira-rich-text.js';
import { issueOut, listOut } from '../view/outputs.js';
import { issueIdOrKey } from './ids.js';

const linkInput = z.object({
  issueKey: issueIdOrKey,
  type: z.string().describe('Link type or phrase, e.g. "blocks", "is blocked by", "Duplicate"'),
  otherKey: issueIdOrKey,
  comment: z.string().optional(),
});
const unlinkInput = z.object({ issueKey: issueIdOrKey, otherKey: issueIdOrKey, type: z.string().optional() });
const remoteInput = z.object({ issueKey: issueIdOrKey, url: z.string().url(), title: z.string() });

/** Issue links and web links. */
@ToolProvider()
export class LinkTools {
  constructor(
    @inject(JiraLinks) private readonly links: JiraLinks,
    @inject(JiraIssues) private readonly issues: JiraIssues,
    @inject(JiraRichText) private readonly text: JiraRichText,
  ) {}

  @Tool({
    name: 'jira_link_issues',
    title: 'Link issues',
    description: 'Link two issues: "ENG-1 blocks ENG-2".',
    input: linkInput,
    output: issueOut,
    readOnly: false,
    toolset: 'links',
    targets: { issueKey: 'issue', otherKey: 'issue' },
    scopes: ['read:jira-work', 'write:jira-work'],
    render: (out, kit) => `Linked: ${out.key} ${kit.inline(String(out.relation))} ${String(out.otherKey)}`,
  })
  async linkIssues(input: z.infer<typeof linkInput>) {
    const { type, outward } = pickType(await this.links.types(), input.type);
    // "A <outward> B": A is the outward issue's counterpart; Jira names the sides from B's view.
    const [from, to] = outward ? [input.issueKey, input.otherKey] : [input.otherKey, input.issueKey];
    await this.links.link({
      type: { name: type.name },
      inwardIssue: { key: from },
      outwardIssue: { key: to },
      ...(input.comment && { comment: { body: await this.text.toAdf(input.comment) } }),
    });
    return {
      key: input.issueKey,
      relation: (outward ? type.outward : type.inward) ?? type.name,
      otherKey: input.otherKey,
    };
  }

  @Tool({
    name: 'jira_remove_link',
    title: 'Remove link',
    description: 'Remove the link between two issues.',
    input: unlinkInput,
    output: issueOut,
    readOnly: false,
    idempotent: true,
    toolset: 'links',
    targets: { issueKey: 'issue', otherKey: 'issue' },
    scopes: ['read:jira-work', 'write:jira-work'],
    render: (out) => `Removed ${String(out.removed)} link(s) between ${out.key} and ${String(out.otherKey)}.`,
  })
  async removeLink(input: z.infer<typeof unlinkInput>) {
    const issue = await this.issues.get(input.issueKey, { fields: ['issuelinks'] });
    const wanted = input.type?.toLowerCase();
    const matches = ((issue.fields?.issuelinks as JiraSchemas['IssueLink'][] | undefined) ?? []).filter((l) => {
      const other = l.outwardIssue?.key ?? l.inwardIssue?.key;
      const names = [l.type?.name, l.type?.inward, l.type?.outward].map((n) => n?.toLowerCase());
      return other?.toUpperCase() === input.otherKey.toUpperCase() && (!wanted || names.includes(wanted));
    });
    if (matches.length === 0)
      throw new InputError(
        `${input.issueKey} has no link to ${input.otherKey}${input.type ? ` of type "${input.type}"` : ''}.`,
      );
    for (const l of matches) await this.links.unlink(l.id!);
    return { key: input.issueKey, otherKey: input.otherKey, removed: matches.length };
  }

  @Tool({
    name: 'jira_list_link_types',
    title: 'Link types',
    description: 'Issue link types with their phrases.',
    input: z.object({}),
    output: listOut('types'),
    readOnly: true,
    toolset: 'links',
    scopes: ['read:jira-work'],
    render: (out, kit) =>
      kit.fence(
        (out.types as Array<{ name: string; outward?: string; inward?: string }>)
          .map((t) => `${t.name}: ${t.outward} / ${t.inward}`)
          .join('\n'),
        'link types',
      ) || 'No link types.',
  })
  async listLinkTypes() {
    return {
      types: (await this.links.types()).map((t) => ({ name: t.name ?? '', outward: t.outward, inward: t.inward })),
    };
  }

  @Tool({
    name: 'jira_add_web_link',
    title: 'Add web link',
    description: 'Attach a URL to an issue as a web link.',
    input: remoteInput,
    output: issueOut,
    readOnly: false,
    toolset: 'links',
    targets: { issueKey: 'issue' },
    scopes: ['write:jira-work'],
    render: (out) => `Added web link ${String(out.id)} to ${out.key}.`,
  })
  async addWebLink(input: z.infer<typeof remoteInput>) {
    const created = await this.links.addRemoteLink(input.issueKey, { object: { url: input.url, title: input.title } });
    return { key: input.issueKey, id: String(created.id ?? '') };
  }

  @Tool({
    name: 'jira_list_web_links',
    title: 'Web links',
    description: 'Web (remote) links of an issue.',
    input: z.object({ issueKey: issueIdOrKey }),
    output: listOut('links'),
    readOnly: true,
    toolset: 'links',
    targets: { issueKey: 'issue' },
    scopes: ['read:jira-work'],
    render: (out, kit) =>
      out.links.length === 0
        ? 'No web links.'
        : kit.fence(
            (out.links as Array<{ title: string; url: string }>).map((l) => `${l.title}: ${l.url}`).join('\n'),
            'links',
          ),
  })
  async listWebLinks(input: { issueKey: string }) {
    const links = await this.links.remoteLinks(input.issueKey);
    return {
      links: links.map((l) => ({ id: String(l.id ?? ''), title: l.object?.title ?? '', url: l.object?.url ?? '' })),
    };
  }
}

/** Finds a link type by name or by either phrase; `outward` says which side the phrase reads from. */
function pickType(types: IssueLinkType[], wanted: string): { type: IssueLinkType; outward: boolean } {
  const w = wanted.trim().toLowerCase();
  for (const type of types) {
    if (type.outward?.toLowerCase() === w || type.name?.toLowerCase() === w) return { type, outward: true };
    if (type.inward?.toLowerCase() === w) return { type, outward: false };
  }
  throw new InputError(`Unknown link type "${wanted}".`, {
    hint: `Types: ${types.map((t) => `${t.name} (${t.outward} / ${t.inward})`).join(', ')}.`,
  });
}
