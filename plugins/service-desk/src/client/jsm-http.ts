import type { components } from '../generated/jsm.js';

/** Jira Service Management REST schemas, generated from the vendored spec subset. */
export type JsmSchemas = components['schemas'];

/** The servicedeskapi root (under the Jira base: `product: 'jsm'`). */
export const SD = '/rest/servicedeskapi';

/** Header JSM wants on operations it marks experimental (else 412). */
export const EXPERIMENTAL = { 'X-ExperimentalApi': 'opt-in' } as const;

/** A JSM page: `{ start, limit, size, isLastPage, values }`. */
export interface JsmPage<T> {
  start?: number;
  limit?: number;
  size?: number;
  isLastPage?: boolean;
  values?: T[];
}

export type ServiceDesk = JsmSchemas['ServiceDeskDTO'];
export type RequestType = JsmSchemas['RequestTypeDTO'];
export type RequestTypeGroup = JsmSchemas['RequestTypeGroupDTO'];
export type RequestTypeField = JsmSchemas['RequestTypeFieldDTO'];
export type RequestCreateMeta = JsmSchemas['CustomerRequestCreateMetaDTO'];
export type CustomerRequest = JsmSchemas['CustomerRequestDTO'];
export type RequestComment = JsmSchemas['CommentDTO'];
export type RequestStatus = JsmSchemas['CustomerRequestStatusDTO'];
export type CustomerTransition = JsmSchemas['CustomerTransitionDTO'];
export type SlaInformation = JsmSchemas['SlaInformationDTO'];
export type Approval = JsmSchemas['ApprovalDTO'];
export type JsmUser = JsmSchemas['UserDTO'];
export type Article = JsmSchemas['ArticleDTO'];
export type Queue = JsmSchemas['QueueDTO'];
export type Organization = JsmSchemas['OrganizationDTO'];
export type RequestAttachment = JsmSchemas['AttachmentDTO'];
export type Feedback = JsmSchemas['CSATFeedbackFullDTO'];
export type SoftwareInfo = JsmSchemas['SoftwareInfoDTO'];
export type DateValue = JsmSchemas['DateDTO'];
