import * as z from 'zod';
import { inject, InputError, Tool, ToolProvider } from '@atlassian-mcp/core';
import { AssetsClient } from '../client/assets-client.js';
import { AssetCatalog } from '../domain/asset-catalog.js';
import { SCOPE } from '../scopes.js';
import { assetView, renderAsset, type AssetView } from '../view/asset-views.js';
import { anyOut } from '../view/outputs.js';
import { assetId } from './asset.tools.js';

const value = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()])), z.null()]);
const attributes = z
  .record(z.string(), value)
  .describe('By attribute name; references by key, users by account id, null clears');
const createInput = z.object({
  objectType: z.string().describe('Object type name or id'),
  attributes: attributes.describe('By attribute name (Name required); references by key, users by account id'),
});
const updateInput = z.object({ objectId: assetId, attributes });

const READ = [SCOPE.read, SCOPE.assetsObjects, SCOPE.assetsAttributes];
// Types are found through the schemas; statuses by name through the schema configuration.

/** Create and update Assets objects, attributes named as the Assets UI names them. */
@ToolProvider()
export class AssetWriteTools {
  constructor(
    @inject(AssetsClient) private readonly assets: AssetsClient,
    @inject(AssetCatalog) private readonly catalog: AssetCatalog,
  ) {}

  @Tool({
    name: 'servicedesk_create_asset',
    title: 'Create Assets object',
    description: 'Create an Assets object of a type, attributes by name.',
    input: createInput,
    output: anyOut,
    readOnly: false,
    toolset: 'assets',
    scopes: [...READ, SCOPE.assetsSchemas, SCOPE.assetsTypes, SCOPE.assetsWrite],
    target: (i) => `assets type ${i.objectType}`,
    render: (out, kit) => `Created ${renderAsset(out as AssetView, kit)}`,
  })
  async create(input: z.infer<typeof createInput>): Promise<AssetView> {
    const type = await this.catalog.type(input.objectType);
    const defs = await this.catalog.attributesOf(type.id);
    const labelDef = defs.find((d) => d.label) ?? defs.find((d) => d.name === 'Name');
    const labelEntry = Object.entries(input.attributes).find(
      ([k]) => k.trim().toLowerCase() === (labelDef?.name ?? 'Name').toLowerCase(),
    );
    const label = labelEntry && typeof labelEntry[1] === 'string' ? labelEntry[1].trim() : '';
    if (!label)
      throw new InputError(`A ${type.name} needs its ${labelDef?.name ?? 'Name'}`, {
        hint: `Pass attributes: { "${labelDef?.name ?? 'Name'}": "…" }.`,
      });
    const created = await this.assets.create(type.id, label, await this.catalog.toWrite(type.id, input.attributes));
    return assetView(created, defs);
  }

  @Tool({
    name: 'servicedesk_update_asset',
    title: 'Update Assets object',
    description: 'Set attributes of an Assets object by name.',
    input: updateInput,
    output: anyOut,
    readOnly: false,
    idempotent: true,
    toolset: 'assets',
    scopes: [...READ, SCOPE.assetsSchemas, SCOPE.assetsWrite],
    target: (i) => `assets object ${i.objectId}`,
    render: (out, kit) => `Updated ${renderAsset(out as AssetView, kit)}`,
  })
  async update(input: z.infer<typeof updateInput>): Promise<AssetView> {
    if (Object.keys(input.attributes).length === 0) throw new InputError('Name at least one attribute to set.');
    const o = await this.catalog.object(input.objectId);
    const typeId = o.objectType?.id;
    if (!typeId) throw new InputError(`${input.objectId} has no object type`);
    const updated = await this.assets.update(o.id, await this.catalog.toWrite(typeId, input.attributes));
    return assetView(updated, await this.catalog.attributesOf(typeId));
  }
}
