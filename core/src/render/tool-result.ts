import type { CallToolResult } from '@modelcontextprotocol/server';
import type { ToolMetadata } from '../plugin-api/decorators.js';
import { applyBudget, compactText } from './compact-text.js';
import { inlineText, neutraliseDeep } from './neutralise.js';
import { createRenderKit } from './render-kit.js';

/**
 * A handler's output as the model receives it: `structuredContent` with every string neutralised,
 * one text block from the tool's renderer (fences and inline values from a fresh kit) within the
 * output budget, and resource links whose names and titles are neutralised too.
 */
export function toolResult(meta: ToolMetadata, output: Record<string, unknown>, budget: number): CallToolResult {
  const safe = neutraliseDeep(output);
  const kit = createRenderKit();
  const text = meta.render ? meta.render(safe as never, kit) : compactText(safe, '', (t) => kit.fence(t));
  const links = (meta.links?.(safe as never) ?? []).map((l) => ({
    ...l,
    type: 'resource_link' as const,
    name: inlineText(l.name),
    ...(l.title !== undefined && { title: inlineText(l.title) }),
    ...(l.description !== undefined && { description: inlineText(l.description, 500) }),
  }));
  return { content: [{ type: 'text', text: applyBudget(text, budget) }, ...links], structuredContent: safe };
}
