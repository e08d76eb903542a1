// The Assets REST API (JSM's CMDB) as a sandbox product. Atlassian serves it at
// `https://api.atlassian.com/jsm/assets/workspace/{workspaceId}/v1/…` (Basic) and through the
// gateway `…/ex/jira/{cloudId}/jsm/assets/workspace/{workspaceId}/v1/…` (OAuth); the sandbox answers
// both on its one origin. No OpenAPI document is vendored for it, so its routes are extra routes:
// the handlers check their input themselves. The workspace id comes from
// `GET /rest/servicedeskapi/assets/workspace`.
import type { ExtraRoute, Handler, ProductModule } from '../core/product.js';
import * as catalog from './routes/catalog.js';
import * as objects from './routes/objects.js';

const P = '/jsm/assets/workspace/{workspaceId}/v1';
const READ_OBJECT = [['read:cmdb-object:jira']];
const READ_SCHEMA = [['read:cmdb-schema:jira']];
const READ_TYPE = [['read:cmdb-type:jira']];
const READ_ATTRIBUTE = [['read:cmdb-attribute:jira']];

const route = (
  method: string,
  path: string,
  operationId: string,
  scopes: string[][],
  handler: Handler,
): ExtraRoute => ({
  method,
  template: `${P}${path}`,
  operationId,
  scopes,
  handler,
});

export const ASSETS_ROUTES: ExtraRoute[] = [
  route('GET', '/objectschema/list', 'assets.getObjectSchemas', READ_SCHEMA, catalog.getObjectSchemas),
  route('GET', '/objectschema/{id}', 'assets.getObjectSchema', READ_SCHEMA, catalog.getObjectSchema),
  route(
    'GET',
    '/objectschema/{id}/attributes',
    'assets.getObjectSchemaAttributes',
    READ_ATTRIBUTE,
    catalog.getObjectSchemaAttributes,
  ),
  route(
    'GET',
    '/objectschema/{id}/objecttypes',
    'assets.getObjectSchemaObjectTypes',
    READ_TYPE,
    catalog.getObjectSchemaObjectTypes,
  ),
  route(
    'GET',
    '/objectschema/{id}/objecttypes/flat',
    'assets.getObjectSchemaObjectTypesFlat',
    READ_TYPE,
    catalog.getObjectSchemaObjectTypes,
  ),
  route('GET', '/objecttype/{id}', 'assets.getObjectType', READ_TYPE, catalog.getObjectType),
  route(
    'GET',
    '/objecttype/{id}/attributes',
    'assets.getObjectTypeAttributes',
    READ_ATTRIBUTE,
    catalog.getObjectTypeAttributes,
  ),
  route('GET', '/config/statustype', 'assets.getStatusTypes', READ_SCHEMA, catalog.getStatusTypes),
  route('GET', '/object/{id}', 'assets.getObject', READ_OBJECT, objects.getObject),
  route('GET', '/object/{id}/attributes', 'assets.getObjectAttributes', READ_OBJECT, objects.getObjectAttributes),
  route(
    'GET',
    '/object/{id}/referenceinfo',
    'assets.getObjectReferenceInfo',
    READ_OBJECT,
    objects.getObjectReferenceInfo,
  ),
  route(
    'GET',
    '/objectconnectedtickets/{id}/tickets',
    'assets.getConnectedTickets',
    READ_OBJECT,
    objects.getObjectConnectedTickets,
  ),
  route('POST', '/object/aql', 'assets.postObjectAql', READ_OBJECT, objects.postObjectAql),
  route('POST', '/object/create', 'assets.createObject', [['write:cmdb-object:jira']], objects.createObject),
  route('PUT', '/object/{id}', 'assets.updateObject', [['write:cmdb-object:jira']], objects.updateObject),
  route('DELETE', '/object/{id}', 'assets.deleteObject', [['delete:cmdb-object:jira']], objects.deleteObject),
];

export const assetsProduct: ProductModule = {
  id: 'assets',
  gateway: 'jira',
  handlers: {},
  extraRoutes: ASSETS_ROUTES,
};
