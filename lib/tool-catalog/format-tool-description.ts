import { formatInstant } from "@/lib/time/format-instant";

/** The deprecation fields of a catalogue row. */
export interface ToolDeprecation {
  deprecatedAt: Date | null;
  deprecationMessage: string | null;
  replacement: string | null;
  sunsetAt: Date | null;
}

/**
 * The description clients see: "[DEPRECATED: Use <replacement>] " or "[DEPRECATED] ", then the
 * admin's message and the sunset ("Stops working at 30 Jun 2027, 00:00 UTC."), before the tool's
 * own description when it is deprecated; unchanged otherwise.
 */
export function formatToolDescription(description: string, deprecation: ToolDeprecation): string {
  if (!deprecation.deprecatedAt) return description;
  const tag = deprecation.replacement ? `[DEPRECATED: Use ${deprecation.replacement}]` : "[DEPRECATED]";
  const message = deprecation.deprecationMessage ? ` ${deprecation.deprecationMessage}` : "";
  const sunset = deprecation.sunsetAt ? ` Stops working at ${formatInstant(deprecation.sunsetAt, "dayTime")}.` : "";
  return `${tag}${message}${sunset} ${description}`;
}
