import * as z from 'zod';
import { configSchema } from './schema.js';

/** The JSON Schema of the config file, for editors (`"$schema": "./node_modules/@atlassian-mcp/config/schema.json"`). */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
