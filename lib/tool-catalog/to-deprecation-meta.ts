import type { ToolDeprecation } from "@/lib/tool-catalog/format-tool-description";

/** The `_meta` key of a tool's deprecation in tools/list (reverse-DNS prefixed, as MCP asks). */
export const DEPRECATION_META_KEY = "switchboard.dev/deprecation";

/**
 * A deprecated tool's `_meta` for tools/list, so clients can act on it without parsing the
 * description: `{ "switchboard.dev/deprecation": { deprecatedAt, replacement, sunset, message } }`
 * (ISO instants, null when unset). Undefined for a tool that is not deprecated.
 */
export function toDeprecationMeta(deprecation: ToolDeprecation): Record<string, unknown> | undefined {
  if (!deprecation.deprecatedAt) return undefined;
  return {
    [DEPRECATION_META_KEY]: {
      deprecatedAt: deprecation.deprecatedAt.toISOString(),
      replacement: deprecation.replacement,
      sunset: deprecation.sunsetAt?.toISOString() ?? null,
      message: deprecation.deprecationMessage,
    },
  };
}
