import * as z from 'zod';
import { inject, pager, Tool, ToolProvider, type RenderKit } from '@atlassian-mcp/core';
import { AssetsClient, type AssetsAttributeDef, type ConnectedTicket } from '../client/assets-client.js';
import { RequestAssets } from '../client/request-assets.js';
import { AssetCatalog } from '../domain/asset-catalog.js';
import { DeskDirectory } from '../scope/desk-directory.js';
import { SCOPE } from '../scopes.js';
import { assetRow, assetView, renderAsset, type AssetView } from '../view/asset-views.js';
import { lines } from '../view/format.js';
import { anyOut } from '../view/outputs.js';
import { cursor, issueKey, limit, pageSize } from './ids.js';

/** An Assets object: numeric id or object key. */
export const assetId = z
  .string()
  .regex(/^(\d+|[A-Za-z][A-Za-z0-9_]*-\d+)$/, 'Expected an object id like 42 or a key like ITAM-3')
  .describe('Id or key (ITAM-3)');

const workspaceInput = z.object({});
const searchInput = z.object({
  aql: z.string().describe('AQL, e.g. objectType = Laptop AND Owner = currentUser()'),
  limit,
  cursor,
});
const objectInput = z.object({ objectId: assetId });
const requestInput = z.object({ issueKey });

const READ = [SCOPE.read, SCOPE.assetsObjects, SCOPE.assetsAttributes];

type Workspace = {
  workspaceId: string;
  schemas: Array<{
    id: string;
    key: string;
    name: string;
    objects?: number;
    types: Array<{ id: string; name: string; objects?: number }>;
  }>;
};
type SearchOut = { assets: AssetView[]; total?: number; nextCursor?: string };
type Ticket = { key: string; summary?: string; status?: string; type?: string };

/** Assets (CMDB): the workspace, AQL search, objects with attributes and references, their tickets. */
@ToolProvider()
export class AssetTools {
  constructor(
    @inject(AssetsClient) private readonly assets: AssetsClient,
    @inject(AssetCatalog) private readonly catalog: AssetCatalog,
    @inject(RequestAssets) private readonly requestAssets: RequestAssets,
    @inject(DeskDirectory) private readonly directory: DeskDirectory,
  ) {}

  @Tool({
    name: 'servicedesk_get_assets_workspace',
    title: 'Get Assets workspace',
    description: 'The Assets workspace: schemas and object types with counts.',
    input: workspaceInput,
    output: anyOut,
    readOnly: true,
    toolset: 'assets',
    scopes: [SCOPE.read, SCOPE.assetsSchemas, SCOPE.assetsTypes],
    render: (out, kit) => {
      const o = out as Workspace;
      if (o.schemas.length === 0) return `Assets workspace ${o.workspaceId}: no object schemas.`;
      const rows = o.schemas.map(
        (s) =>
          `${s.key} ${s.name} (schema ${s.id}, ${s.objects ?? '?'} objects): ${s.types.map((t) => `${t.name} (${t.id}, ${t.objects ?? '?'})`).join(', ')}`,
      );
      return lines(`Assets workspace ${o.workspaceId}`, kit.fence(rows.join('\n'), 'schemas'));
    },
  })
  async workspace(): Promise<Workspace> {
    const workspaceId = await this.assets.workspace();
    const schemas = await this.assets.schemas();
    return {
      workspaceId,
      schemas: await Promise.all(
        schemas.map(async (s) => ({
          id: s.id,
          key: s.objectSchemaKey,
          name: s.name,
          objects: s.objectCount,
          types: (await this.assets.objectTypes(s.id)).map((t) => ({ id: t.id, name: t.name, objects: t.objectCount })),
        })),
      ),
    };
  }

  @Tool({
    name: 'servicedesk_search_assets',
    title: 'Search Assets',
    description: 'Find Assets objects with AQL.',
    input: searchInput,
    output: anyOut,
    readOnly: true,
    toolset: 'assets',
    scopes: READ,
    render: (out, kit) => {
      const o = out as SearchOut;
      if (o.assets.length === 0) return 'No objects match.';
      return lines(
        'key | type | label | attributes',
        kit.fence(o.assets.map((a) => assetRow(a)).join('\n'), 'assets'),
        kit.more({ shown: o.assets.length, total: o.total, nextCursor: o.nextCursor, noun: 'objects' }),
      );
    },
  })
  async search(input: z.infer<typeof searchInput>): Promise<SearchOut> {
    const p = pager('servicedesk.assets', input.cursor, { aql: input.aql });
    const { startAt, maxResults } = p.offset(pageSize(input.limit, 25));
    const body = await this.assets.aql(input.aql, startAt, maxResults);
    const page = p.offsetPage<(typeof body.values)[number]>(body as unknown as Record<string, unknown>);
    const defs: AssetsAttributeDef[] = body.objectTypeAttributes ?? [];
    return { assets: page.items.map((o) => assetView(o, defs)), total: body.total, nextCursor: page.nextCursor };
  }

  @Tool({
    name: 'servicedesk_get_asset',
    title: 'Get Assets object',
    description: 'An Assets object with its attributes and references.',
    input: objectInput,
    output: anyOut,
    readOnly: true,
    toolset: 'assets',
    scopes: READ,
    render: (out, kit) => {
      const o = out as AssetView & { references: string[] };
      return renderAsset(o, kit, [
        o.references.length ? `references: ${o.references.map((r) => kit.inline(r)).join('; ')}` : '',
        `tickets: servicedesk_get_asset_tickets objectId="${o.key}"`,
      ]);
    },
  })
  async get(input: z.infer<typeof objectInput>): Promise<AssetView & { references: string[] }> {
    const o = await this.catalog.object(input.objectId);
    const [defs, refs] = await Promise.all([
      o.objectType ? this.catalog.attributesOf(o.objectType.id) : Promise.resolve([]),
      this.assets.referenceInfo(o.id),
    ]);
    return {
      ...assetView(o, defs),
      references: refs.map((r) =>
        `${r.numberOfReferencedObjects ?? '?'} ${r.objectType?.name ?? '?'} ${r.direction ?? ''}`.trim(),
      ),
    };
  }

  @Tool({
    name: 'servicedesk_get_asset_tickets',
    title: 'Get Assets object tickets',
    description: 'Requests and issues connected to an Assets object.',
    input: objectInput,
    output: anyOut,
    readOnly: true,
    toolset: 'assets',
    scopes: READ,
    render: (out, kit) => renderTickets(out as { key: string; tickets: Ticket[]; hidden?: number }, kit),
  })
  async tickets(input: z.infer<typeof objectInput>): Promise<{ key: string; tickets: Ticket[]; hidden?: number }> {
    const o = await this.catalog.object(input.objectId);
    const all = (await this.assets.tickets(o.id)).tickets ?? [];
    // Tickets Atlassian just returned: the key's prefix is their project (allow.projects).
    const shown = all.filter((t) => this.directory.allows(t.key.replace(/-\d+$/, '')));
    return { key: o.objectKey, tickets: shown.map(ticket), hidden: all.length - shown.length || undefined };
  }

  @Tool({
    name: 'servicedesk_get_request_assets',
    title: 'Get request assets',
    description: "The Assets objects in a request's Assets fields.",
    input: requestInput,
    output: anyOut,
    readOnly: true,
    toolset: 'assets',
    targets: { issueKey: 'request' },
    scopes: [...READ, SCOPE.jiraRead],
    render: (out, kit) => {
      const o = out as { key: string; fields: Array<{ field: string; assets: AssetView[] }> };
      if (o.fields.length === 0) return `${o.key} has no Assets objects.`;
      return o.fields
        .map((f) => lines(`${kit.inline(f.field)}:`, kit.fence(f.assets.map((a) => assetRow(a)).join('\n'), 'assets')))
        .join('\n');
    },
  })
  async requestAssetsOf(input: z.infer<typeof requestInput>) {
    const fields = await this.requestAssets.of(input.issueKey);
    return {
      key: input.issueKey,
      fields: await Promise.all(
        fields.map(async (f) => ({
          field: f.field,
          assets: await Promise.all(
            f.objectIds.map(async (id) => {
              const o = await this.assets.object(id);
              return assetView(o, o.objectType ? await this.catalog.attributesOf(o.objectType.id) : []);
            }),
          ),
        })),
      ),
    };
  }
}

function ticket(t: ConnectedTicket): Ticket {
  return { key: t.key, summary: t.title, status: t.status?.name, type: t.type?.name };
}

function renderTickets(o: { key: string; tickets: Ticket[]; hidden?: number }, kit: RenderKit): string {
  if (o.tickets.length === 0)
    return `No tickets connected to ${o.key}${o.hidden ? ` (${o.hidden} outside the project allowlist)` : ''}.`;
  return lines(
    `Tickets connected to ${o.key}: key | status | type | summary`,
    kit.fence(
      o.tickets.map((t) => [t.key, t.status ?? '?', t.type ?? '?', t.summary ?? ''].join(' | ')).join('\n'),
      'tickets',
    ),
    !!o.hidden && `${o.hidden} outside the project allowlist not shown`,
  );
}
