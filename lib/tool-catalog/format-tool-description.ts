/** The deprecation fields of a catalogue row. */
export interface ToolDeprecation {
  deprecatedAt: Date | null;
  deprecationMessage: string | null;
  replacement: string | null;
}

/**
 * The description clients see: "[DEPRECATED: Use <replacement>] " or "[DEPRECATED] <message> "
 * before the tool's own description when it is deprecated, unchanged otherwise.
 */
export function formatToolDescription(description: string, deprecation: ToolDeprecation): string {
  if (!deprecation.deprecatedAt) return description;
  if (deprecation.replacement) {
    const message = deprecation.deprecationMessage ? `${deprecation.deprecationMessage} ` : "";
    return `[DEPRECATED: Use ${deprecation.replacement}] ${message}${description}`;
  }
  return `[DEPRECATED] ${deprecation.deprecationMessage ? `${deprecation.deprecationMessage} ` : ""}${description}`;
}
