import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { boundClientString } from "@/lib/limits/bound-client-string";
import { sortJsonKeys } from "@/lib/tool-catalog/sort-json-keys";

/** The parts of an upstream tool that are fingerprinted and approved; what clients are shown. */
export interface UpstreamToolDefinition {
  title?: string;
  description: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}

/**
 * Bounds on what an upstream may hand the hub (it is stored, listed to every client and diffed):
 * one-line texts go through the same boundClientString as client-supplied ones; descriptions keep
 * their newlines and are cut at a length.
 */
export const UPSTREAM_LIMITS = {
  toolName: 64,
  title: 256,
  description: 16_384,
  schemaBytes: 65_536,
  toolsPerServer: 1000,
} as const;

/** Names that stay valid MCP tool names after the NAME__ prefix. */
const TOOL_NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * The definition of one tool as an upstream listed it, canonical (keys sorted, "$schema"
 * dropped) and bounded, or an error saying why the hub will not serve it.
 */
export function toUpstreamToolDefinition(tool: Tool): { ok: true; name: string; definition: UpstreamToolDefinition } | { ok: false; message: string } {
  const name = typeof tool.name === "string" ? tool.name : "";
  if (!TOOL_NAME.test(name) || name.length > UPSTREAM_LIMITS.toolName) return { ok: false, message: `tool name ${JSON.stringify(name.slice(0, 80))} is not 1-${UPSTREAM_LIMITS.toolName} letters, digits, "_", "." or "-"` };
  // MCP tasks: such a tool answers a plain tools/call with an error, and the hub calls tools plainly.
  if ((tool as { execution?: { taskSupport?: unknown } }).execution?.taskSupport === "required") return { ok: false, message: `tool ${name} runs only as a task, which the hub does not support` };
  const { $schema: _a, ...inputSchema } = (tool.inputSchema ?? { type: "object" }) as Record<string, unknown>;
  const output = tool.outputSchema as Record<string, unknown> | undefined;
  const definition: UpstreamToolDefinition = {
    ...(boundClientString(tool.title, UPSTREAM_LIMITS.title) ? { title: boundClientString(tool.title, UPSTREAM_LIMITS.title) as string } : {}),
    description: (tool.description ?? "").slice(0, UPSTREAM_LIMITS.description),
    inputSchema: sortJsonKeys(inputSchema) as Record<string, unknown>,
    ...(output ? { outputSchema: sortJsonKeys(dropSchemaKeyword(output)) as Record<string, unknown> } : {}),
    ...(tool.annotations ? { annotations: sortJsonKeys(tool.annotations) as Record<string, unknown> } : {}),
  };
  if (JSON.stringify(definition).length > UPSTREAM_LIMITS.schemaBytes) return { ok: false, message: `tool ${name}'s definition is larger than ${UPSTREAM_LIMITS.schemaBytes} bytes` };
  if (definition.inputSchema.type !== "object") return { ok: false, message: `tool ${name}'s input schema is not of type "object"` };
  return { ok: true, name, definition };
}

function dropSchemaKeyword(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}
