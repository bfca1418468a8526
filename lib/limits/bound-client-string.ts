/** Longest client name or version the hub keeps (initialize's clientInfo). */
export const MAX_CLIENT_INFO_CHARS = 100;
/** Longest tool name the hub keeps: MCP suggests 128; upstream tools add a `NAME__` prefix. */
export const MAX_TOOL_NAME_CHARS = 256;

// C0/C1 control characters and Unicode format characters (bidi overrides, zero-width joiners):
// they break log lines and table cells, and can disguise a name on the console.
const CONTROL_CHARACTERS = /[\p{Cc}\p{Cf}]+/gu;

/**
 * A client-supplied string as the hub stores and logs it: control characters removed, trimmed,
 * cut to `maxChars` code points (never splitting a surrogate pair). Null stays null, and so does
 * a string that is empty once cleaned. Pure.
 */
export function boundClientString(value: string | null | undefined, maxChars: number): string | null {
  if (typeof value !== "string") return null;
  // Cut a huge value before the regex walks it: a 1 MB name costs no more than a short one.
  const head = value.length > maxChars * 4 ? value.slice(0, maxChars * 4) : value;
  const cleaned = head.replace(CONTROL_CHARACTERS, "").trim();
  if (cleaned.length === 0) return null;
  const codePoints = Array.from(cleaned);
  return codePoints.length > maxChars ? codePoints.slice(0, maxChars).join("").trimEnd() : cleaned;
}
