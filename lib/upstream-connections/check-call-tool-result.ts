import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { UpstreamRequestError } from "@/lib/upstream-connections/upstream-request-error";

type Json = Record<string, unknown>;

/** What each content block type must carry besides `type` (MCP 2025-11-25 ContentBlock). */
const REQUIRED_STRINGS: Record<string, readonly string[]> = {
  text: ["text"],
  image: ["data", "mimeType"],
  audio: ["data", "mimeType"],
  resource_link: ["uri", "name"],
  resource: [],
};

/**
 * An upstream's tools/call result, checked for the shape the hub and its clients rely on, without
 * copying it (the SDK's zod parse copied every result): an object; `content` an array of known
 * content blocks with their required strings (missing content is an empty list, as the spec's
 * default); `structuredContent` an object; `isError` a boolean. A malformed result fails this one
 * call, saying what is wrong, and leaves the connection to everyone else's calls.
 */
export function checkCallToolResult(value: unknown): CallToolResult {
  if (!isObject(value)) throw malformed("is not an object");
  const content = value.content ?? [];
  if (!Array.isArray(content)) throw malformed("content is not an array");
  for (let index = 0; index < content.length; index++) {
    const block: unknown = content[index];
    const problem = isObject(block) ? contentBlockProblem(block) : "is not an object";
    if (problem) throw malformed(`content[${index}] ${problem}`);
  }
  if (value.structuredContent !== undefined && !isObject(value.structuredContent)) throw malformed("structuredContent is not an object");
  if (value.isError !== undefined && typeof value.isError !== "boolean") throw malformed("isError is not a boolean");
  if (value.content === undefined) value.content = content;
  return value as CallToolResult;
}

function contentBlockProblem(block: Json): string | undefined {
  const required = typeof block.type === "string" && Object.hasOwn(REQUIRED_STRINGS, block.type) ? REQUIRED_STRINGS[block.type] : undefined;
  if (!required) return `has an unknown type ${JSON.stringify(String(block.type)).slice(0, 40)}`;
  for (const field of required) if (typeof block[field] !== "string") return `(${block.type}) has no string ${field}`;
  if (block.type === "resource") {
    const resource = block.resource;
    if (!isObject(resource) || typeof resource.uri !== "string" || (typeof resource.text !== "string" && typeof resource.blob !== "string")) return "(resource) has no resource with a uri and a text or blob";
  }
  return undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function malformed(problem: string): UpstreamRequestError {
  return new UpstreamRequestError(`its tools/call result ${problem}, so it is not a CallToolResult`);
}
