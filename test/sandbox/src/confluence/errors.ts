// Confluence's two error shapes. v2 (`/wiki/api/v2`):
//   {"errors":[{"status":409,"code":"CONFLICT","title":"…","detail":null}]}
// v1 (`/wiki/rest/api`):
//   {"statusCode":400,"data":{"authorized":true,"valid":false,"errors":[…],"successful":false},
//    "message":"com.atlassian.confluence.api.service.exceptions.BadRequestException: …"}
import { ApiError, json, type SandboxResponse } from '../core/http.js';
import type { OperationDef } from '../core/spec.js';

export type ConfluenceApi = 'confluence-v1' | 'confluence-v2';

const V2_CODES: Record<number, string> = {
  400: 'INVALID_REQUEST_PARAMETER',
  401: 'UNAUTHORIZED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'REQUEST_ENTITY_TOO_LARGE',
  501: 'NOT_IMPLEMENTED',
};

const V1_EXCEPTIONS: Record<number, string> = {
  400: 'BadRequestException',
  403: 'PermissionException',
  404: 'NotFoundException',
  409: 'ConflictException',
  413: 'BadRequestException',
  501: 'NotImplementedServiceException',
};

export function v2ErrorBody(status: number, title: string, detail: string | null = null) {
  return { errors: [{ status, code: V2_CODES[status] ?? 'ERROR', title, detail }] };
}

export function v1ErrorBody(status: number, message: string, details: string[] = []) {
  const exception = V1_EXCEPTIONS[status] ?? 'ServiceException';
  return {
    statusCode: status,
    data: {
      authorized: status !== 403,
      valid: status !== 400,
      allowedInReadOnlyMode: true,
      errors: details.map((translation) => ({ message: { key: translation, args: [], translation } })),
      successful: false,
    },
    message: `com.atlassian.confluence.api.service.exceptions.${exception}: ${message}`,
  };
}

/** An error in the shape of the API the request came through. */
export function cfError(api: string, status: number, message: string, details: string[] = []): ApiError {
  const body = api === 'confluence-v1' ? v1ErrorBody(status, message, details) : v2ErrorBody(status, message);
  return new ApiError(status, [message], {}, { body });
}

/** The product hook: shared-pipeline errors (validation, not simulated) in Confluence's shapes. */
export function confluenceErrorResponse(e: ApiError, op: OperationDef): SandboxResponse {
  const fields = Object.entries(e.errors).map(([k, v]) => `${k}: ${v}`);
  const message = fields.length ? fields.join('; ') : (e.errorMessages[0] ?? `HTTP ${e.status}`);
  const body = op.api === 'confluence-v1' ? v1ErrorBody(e.status, message, fields) : v2ErrorBody(e.status, message);
  return json(e.status, body, e.headers);
}
