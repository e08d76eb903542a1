// Assets (formerly Insight, JSM's CMDB): one workspace per site with object schemas, object
// types and their attributes, and objects whose attribute values may reference other objects.
// Ids are numeric strings as Assets writes them; timestamps are epoch milliseconds.

export interface ObjectSchema {
  id: string;
  name: string;
  objectSchemaKey: string;
  description: string;
  created: number;
  updated: number;
}

export interface ObjectType {
  id: string;
  schemaId: string;
  name: string;
  description: string;
  iconId: string;
  position: number;
  created: number;
  updated: number;
}

/** Assets' attribute kinds (`type`) and default data types (`defaultType.id`). */
export const ATTRIBUTE_TYPE = { default: 0, reference: 1, user: 2, status: 7 } as const;
export const DEFAULT_TYPE = {
  text: { id: 0, name: 'Text' },
  integer: { id: 1, name: 'Integer' },
  boolean: { id: 2, name: 'Boolean' },
  double: { id: 3, name: 'Double' },
  date: { id: 4, name: 'Date' },
  dateTime: { id: 6, name: 'DateTime' },
  url: { id: 7, name: 'URL' },
  email: { id: 8, name: 'Email' },
  textarea: { id: 9, name: 'Textarea' },
  select: { id: 10, name: 'Select' },
  ipAddress: { id: 11, name: 'IP Address' },
} as const;

export interface ObjectTypeAttribute {
  id: string;
  objectTypeId: string;
  name: string;
  description: string;
  /** 0 default (see `defaultType`), 1 object reference, 2 user, 7 status. */
  type: 0 | 1 | 2 | 7;
  defaultType?: { id: number; name: string };
  /** The label attribute names the object (`Name`). */
  label: boolean;
  system: boolean;
  editable: boolean;
  unique: boolean;
  minimumCardinality: number;
  maximumCardinality: number;
  position: number;
  /** Comma-separated allowed values of a Select attribute. */
  options?: string;
  referenceObjectTypeId?: string;
  referenceType?: { id: string; name: string };
}

export interface StatusType {
  id: string;
  name: string;
  /** 0 inactive, 1 active, 2 pending. */
  category: 0 | 1 | 2;
}

export interface AttributeValue {
  attributeId: string;
  /** Text as entered; a reference holds object ids, a user account ids, a status status-type ids. */
  values: string[];
}

export interface AssetObject {
  id: string;
  objectTypeId: string;
  objectKey: string;
  label: string;
  created: number;
  updated: number;
  attributes: AttributeValue[];
}

export interface AssetsData {
  workspaceId: string;
  schemas: ObjectSchema[];
  objectTypes: ObjectType[];
  attributes: ObjectTypeAttribute[];
  statusTypes: StatusType[];
  objects: AssetObject[];
  counters: Record<string, number>;
}

export const emptyAssetsData = (workspaceId = ''): AssetsData => ({
  workspaceId,
  schemas: [],
  objectTypes: [],
  attributes: [],
  statusTypes: [],
  objects: [],
  counters: {},
});
