import { definePlugin, PLUGIN_API_VERSION } from '@atlassian-mcp/core';
import { AssetsClient } from './client/assets-client.js';
import { JsmApprovals } from './client/jsm-approvals.js';
import { JsmAttachments } from './client/jsm-attachments.js';
import { JsmAvailability } from './client/jsm-availability.js';
import { JsmComments } from './client/jsm-comments.js';
import { JsmCustomers } from './client/jsm-customers.js';
import { JsmDesks } from './client/jsm-desks.js';
import { JsmFeedback } from './client/jsm-feedback.js';
import { JsmKnowledgeBase } from './client/jsm-knowledge-base.js';
import { JsmParticipants } from './client/jsm-participants.js';
import { JsmQueues } from './client/jsm-queues.js';
import { JsmRequests } from './client/jsm-requests.js';
import { KnowledgeArticles } from './client/knowledge-articles.js';
import { RequestAssets } from './client/request-assets.js';
import { serviceDeskConfigSchema } from './config.js';
import { AssetCatalog } from './domain/asset-catalog.js';
import { CommentWriter } from './domain/comment-writer.js';
import { RequestCreator } from './domain/request-creator.js';
import { RequestFields } from './fields/request-fields.js';
import { DeskContainers } from './scope/desk-containers.js';
import { DeskDirectory } from './scope/desk-directory.js';
import { JsmText } from './text/jsm-text.js';
import { ServiceDeskResources } from './resources/service-desk.resources.js';
import { ApprovalTools } from './tools/approval.tools.js';
import { AssetWriteTools } from './tools/asset-write.tools.js';
import { AssetTools } from './tools/asset.tools.js';
import { AttachmentTools } from './tools/attachment.tools.js';
import { CommentTools } from './tools/comment.tools.js';
import { CustomerTools } from './tools/customer.tools.js';
import { DeskTools } from './tools/desk.tools.js';
import { FeedbackTools } from './tools/feedback.tools.js';
import { KnowledgeBaseTools } from './tools/knowledge-base.tools.js';
import { ParticipantTools } from './tools/participant.tools.js';
import { QueueTools } from './tools/queue.tools.js';
import { RequestTypeTools } from './tools/request-type.tools.js';
import { RequestTools } from './tools/request.tools.js';
import { WorkflowTools } from './tools/workflow.tools.js';
import { RequestViews } from './view/request-views.js';

export { serviceDeskConfigSchema, type ServiceDeskConfig } from './config.js';

/** The Service Management plugin: requests, comments (public or internal), SLAs and the knowledge base by default. */
export default definePlugin({
  id: 'service-desk',
  apiVersion: PLUGIN_API_VERSION,
  toolPrefix: 'servicedesk_',
  description: 'Jira Service Management: requests, public and internal comments, SLAs, approvals, customers, Assets',
  instructions:
    'Service Management comments are public (the customer sees them) or internal (agents only): say which every time.',
  products: ['jsm', 'assets'],
  config: serviceDeskConfigSchema,
  // allow.projects holds on what a call touches: DeskContainers finds the project of a desk or request.
  scope: { allow: 'projects', resolver: DeskContainers },
  defaultToolsets: ['requests'],
  toolsets: {
    requests:
      'Desks, request types and fields, requests (list, read with status and transitions, create, transition), public and internal comments, SLAs, knowledge base',
    details:
      'Service desk and request type details, status history, available transitions, every comment of a request, JSM availability and missing scopes',
    approvals: 'Read approvals and approve or decline (confirmed by the user, audited)',
    participants: 'Request participants (add, remove) and your notification subscription',
    customers: 'Customers of desks (search, create, add) and organizations',
    queues: "A desk's queues and the requests in them",
    attachments: 'List request attachments; attach files, public or internal',
    feedback: 'Customer satisfaction (CSAT) ratings',
    assets:
      'Assets (CMDB): workspace, AQL search, objects with attributes and references, connected tickets, create and update',
  },
  services: [
    JsmDesks,
    JsmRequests,
    JsmComments,
    JsmCustomers,
    JsmKnowledgeBase,
    JsmAvailability,
    JsmApprovals,
    JsmParticipants,
    JsmQueues,
    JsmAttachments,
    JsmFeedback,
    KnowledgeArticles,
    AssetsClient,
    RequestAssets,
    AssetCatalog,
    DeskDirectory,
    DeskContainers,
    JsmText,
    RequestFields,
    RequestCreator,
    CommentWriter,
    RequestViews,
  ],
  toolProviders: [
    DeskTools,
    RequestTypeTools,
    RequestTools,
    CommentTools,
    WorkflowTools,
    KnowledgeBaseTools,
    ApprovalTools,
    ParticipantTools,
    CustomerTools,
    QueueTools,
    AttachmentTools,
    FeedbackTools,
    AssetTools,
    AssetWriteTools,
  ],
  resourceProviders: [ServiceDeskResources],
});
