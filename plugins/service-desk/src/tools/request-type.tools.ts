import * as z from 'zod';
import { inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JsmDesks } from '../client/jsm-desks.js';
import { DeskDirectory } from '../scope/desk-directory.js';
import { SCOPE } from '../scopes.js';
import { fieldLine, fieldView, requestTypeView, type FieldView, type RequestTypeView } from '../view/desk-views.js';
import { lines } from '../view/format.js';
import { anyOut } from '../view/outputs.js';
import { numericId, serviceDeskId } from './ids.js';

const typeInput = z.object({ serviceDeskId, requestTypeId: numericId });

type TypeDetail = RequestTypeView & { desk: string; fields: FieldView[] };
type FieldsOut = {
  id: string;
  fields: FieldView[];
  canRaiseOnBehalfOf?: boolean;
  canAddRequestParticipants?: boolean;
};

/** One request type and the fields it asks for. */
@ToolProvider()
export class RequestTypeTools {
  constructor(
    @inject(JsmDesks) private readonly desks: JsmDesks,
    @inject(DeskDirectory) private readonly directory: DeskDirectory,
  ) {}

  @Tool({
    name: 'servicedesk_get_request_type',
    title: 'Get request type',
    description: 'A request type: description, help text, groups and its fields.',
    input: typeInput,
    output: anyOut,
    readOnly: true,
    toolset: 'details',
    targets: { serviceDeskId: 'desk' },
    scopes: [SCOPE.read],
    render: (out, kit) => {
      const t = out as unknown as TypeDetail;
      return lines(
        `${t.id} ${kit.inline(t.name)} (${t.desk})`,
        kit.fence(
          lines(
            t.description,
            t.helpText && `Help: ${t.helpText}`,
            t.groups && `groups: ${t.groups.join(', ')}`,
            `fields (* required):\n${t.fields.map(fieldLine).join('\n')}`,
          ),
          'request type',
        ),
      );
    },
  })
  async getRequestType(input: z.infer<typeof typeInput>): Promise<TypeDetail> {
    const desk = await this.directory.resolve(input.serviceDeskId);
    const [type, groups, meta] = await Promise.all([
      this.desks.requestType(desk.id, input.requestTypeId),
      this.desks.groups(desk.id),
      this.desks.fields(desk.id, input.requestTypeId),
    ]);
    return {
      ...requestTypeView(type, groups),
      desk: desk.projectKey,
      fields: (meta.requestTypeFields ?? []).filter((f) => f.visible !== false).map(fieldView),
    };
  }

  @Tool({
    name: 'servicedesk_get_request_type_fields',
    title: 'Get request type fields',
    description: 'Fields of a request type: names, required, allowed values.',
    input: typeInput,
    output: anyOut,
    readOnly: true,
    toolset: 'requests',
    targets: { serviceDeskId: 'desk' },
    scopes: [SCOPE.read],
    render: (out, kit) => {
      const o = out as unknown as FieldsOut;
      return lines(
        `Request type ${o.id} fields (* required):`,
        kit.fence(o.fields.map(fieldLine).join('\n'), 'fields'),
        `you can raise on behalf of a customer: ${o.canRaiseOnBehalfOf ? 'yes' : 'no'}; add participants: ${o.canAddRequestParticipants ? 'yes' : 'no'}`,
      );
    },
  })
  async getFields(input: z.infer<typeof typeInput>): Promise<FieldsOut> {
    const desk = await this.directory.resolve(input.serviceDeskId);
    const meta = await this.desks.fields(desk.id, input.requestTypeId);
    return {
      id: input.requestTypeId,
      fields: (meta.requestTypeFields ?? []).filter((f) => f.visible !== false).map(fieldView),
      canRaiseOnBehalfOf: meta.canRaiseOnBehalfOf,
      canAddRequestParticipants: meta.canAddRequestParticipants,
    };
  }
}
