import { inject, InputError, Service } from '@atlassian-mcp/core';
import { JsmCustomers } from '../client/jsm-customers.js';
import { JsmDesks } from '../client/jsm-desks.js';
import { JsmRequests } from '../client/jsm-requests.js';
import { DeskDirectory } from '../scope/desk-directory.js';
import { notCarriedNote } from '../text/jsm-text.js';
import { person } from '../view/format.js';
import { RequestFields, type RequestDraft } from '../fields/request-fields.js';

/** What `servicedesk_create_request` takes. */
export interface NewRequest extends RequestDraft {
  serviceDeskId: string;
  requestTypeId: string;
  onBehalfOf?: string;
  participants?: string[];
}

/** The created request, as the model is told about it. */
export type CreatedRequest = {
  key: string;
  id: string;
  requestTypeId: string;
  requestType?: string;
  status?: string;
  reporter?: string;
  onBehalf: boolean;
  portalUrl?: string;
  /** What formatting was not carried (the API takes wiki text), if anything. */
  note?: string;
};

/** Raises a request: the request type's fields resolved and checked before anything is sent. */
@Service()
export class RequestCreator {
  constructor(
    @inject(JsmDesks) private readonly desks: JsmDesks,
    @inject(JsmRequests) private readonly requests: JsmRequests,
    @inject(JsmCustomers) private readonly customers: JsmCustomers,
    @inject(RequestFields) private readonly fields: RequestFields,
    @inject(DeskDirectory) private readonly directory: DeskDirectory,
  ) {}

  async create(input: NewRequest): Promise<CreatedRequest> {
    const desk = await this.directory.resolve(input.serviceDeskId);
    const [type, meta] = await Promise.all([
      this.desks.requestType(desk.id, input.requestTypeId),
      this.desks.fields(desk.id, input.requestTypeId),
    ]);
    const resolved = this.fields.resolve(type.name ?? input.requestTypeId, meta.requestTypeFields ?? [], input);
    const onBehalfOf = input.onBehalfOf ? await this.customerId(desk.id, desk.projectKey, input.onBehalfOf) : undefined;
    if (onBehalfOf && meta.canRaiseOnBehalfOf === false)
      throw new InputError(`This account cannot raise '${type.name}' requests on behalf of a customer`, {
        hint: 'Only agents of the desk can; leave out onBehalfOf to raise it as yourself.',
      });
    const created = await this.requests.create({
      serviceDeskId: desk.id,
      requestTypeId: input.requestTypeId,
      requestFieldValues: resolved.values,
      ...(onBehalfOf ? { raiseOnBehalfOf: onBehalfOf } : {}),
      ...(input.participants?.length ? { requestParticipants: input.participants } : {}),
    });
    return {
      key: created.issueKey ?? created.issueId ?? '',
      id: created.issueId ?? '',
      requestTypeId: input.requestTypeId,
      requestType: type.name,
      status: created.currentStatus?.status,
      reporter: person(created.reporter),
      onBehalf: onBehalfOf !== undefined,
      portalUrl: (created._links as { web?: string } | undefined)?.web,
      note: notCarriedNote(resolved.notCarried),
    };
  }

  /** An account id as given, or the one customer of the desk with that email. */
  private async customerId(serviceDeskId: string, deskKey: string, who: string): Promise<string> {
    if (!who.includes('@')) return who;
    const page = await this.customers.ofDesk(serviceDeskId, who, 0, 50);
    const hit = (page.values ?? []).find((u) => u.emailAddress?.toLowerCase() === who.trim().toLowerCase());
    if (!hit?.accountId)
      throw new InputError(`No customer of ${deskKey} has the email ${who}`, {
        hint: 'Create the customer with servicedesk_create_customer (customers toolset), or pass their account id.',
      });
    return hit.accountId;
  }
}
