// JSM's error shape: `{"errorMessage": "…", "i18nErrorMessage": {"i18nKey": "…", "parameters": […]}}`
// (Jira's `errorMessages`/`errors` collection is never used under /rest/servicedeskapi).
import { ApiError, json, type SandboxResponse } from '../core/http.js';

export function jsmBody(message: string, i18nKey: string, parameters: string[] = []) {
  return { errorMessage: message, i18nErrorMessage: { i18nKey, parameters } };
}

export function jsmError(status: number, message: string, i18nKey: string, parameters: string[] = []): ApiError {
  return new ApiError(status, [message], {}, { body: jsmBody(message, i18nKey, parameters) });
}

export const badRequest = (message: string, key = 'sd.api.error.bad.request', params: string[] = []) =>
  jsmError(400, message, key, params);
export const forbidden = (message: string, key = 'sd.api.error.forbidden', params: string[] = []) =>
  jsmError(403, message, key, params);
export const notFound = (message: string, key = 'sd.api.error.not.found', params: string[] = []) =>
  jsmError(404, message, key, params);

/** An error the shared pipeline raised (invalid parameter or body, not simulated), in JSM's shape. */
export function toJsmResponse(e: ApiError): SandboxResponse {
  const fieldErrors = Object.entries(e.errors).map(([k, v]) => `${k}: ${v}`);
  const message = [...e.errorMessages, ...fieldErrors].join(' ') || `HTTP ${e.status}`;
  const key =
    e.status === 400 ? 'sd.api.error.bad.request' : e.status === 501 ? 'sd.api.error.not.simulated' : 'sd.api.error';
  return json(e.status, jsmBody(message, key, Object.keys(e.errors)), e.headers);
}
