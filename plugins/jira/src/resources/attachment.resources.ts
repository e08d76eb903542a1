import { inject, Resource, ResourceProvider, type ResourceContent } from '@atlassian-mcp/core';
import { JiraAttachments } from '../client/jira-attachments.js';

// Text-like attachments are returned as text (cheaper for a model); everything else as a blob.
const TEXT_TYPES = /^(text\/|application\/(json|xml|x-yaml|yaml|javascript))/;

/** `jira://attachment/{id}`: an attachment's content. */
@ResourceProvider()
export class AttachmentResources {
  constructor(@inject(JiraAttachments) private readonly attachments: JiraAttachments) {}

  @Resource({
    name: 'jira-attachment',
    uri: 'jira://attachment/{id}',
    title: 'Jira attachment',
    description: 'The content of an issue attachment',
    scopes: ['read:jira-work'],
    targets: { id: 'attachment' },
  })
  async readAttachment(uri: URL, variables: Record<string, string>): Promise<ResourceContent[]> {
    const meta = await this.attachments.metadata(variables.id);
    const bytes = await this.attachments.content(variables.id);
    const mimeType = meta.mimeType ?? 'application/octet-stream';
    if (TEXT_TYPES.test(mimeType)) return [{ uri: uri.href, mimeType, text: Buffer.from(bytes).toString('utf8') }];
    return [{ uri: uri.href, mimeType, blob: Buffer.from(bytes).toString('base64') }];
  }
}
