/** Longest log line written (bytes of JSON, near enough): log shippers commonly cut at 16–64 KB. */
export const MAX_LOG_LINE_CHARS = 16_384;
/** Strings in an oversized line are cut to this many characters. */
const MAX_FIELD_CHARS = 1_024;

/**
 * A log line at most MAX_LOG_LINE_CHARS long, still one JSON object per line: an oversized line
 * has its long strings cut (marked `truncated: true`); if that is not enough (many fields), only
 * level, time, msg and the original length remain. Pure.
 */
export function capLogLine(line: string): string {
  if (line.length <= MAX_LOG_LINE_CHARS) return line;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return `${JSON.stringify({ msg: line.slice(0, MAX_FIELD_CHARS), truncated: true, originalLength: line.length })}\n`;
  }
  const shortened = `${JSON.stringify({ ...(cutStrings(entry) as object), truncated: true, originalLength: line.length })}\n`;
  if (shortened.length <= MAX_LOG_LINE_CHARS) return shortened;
  const { level, time, service, msg } = entry;
  return `${JSON.stringify({ level, time, service, msg: cutStrings(msg), truncated: true, originalLength: line.length })}\n`;
}

function cutStrings(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.length > MAX_FIELD_CHARS ? `${value.slice(0, MAX_FIELD_CHARS)}…` : value;
  if (typeof value !== "object" || value === null || depth > 8) return value;
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => cutStrings(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cutStrings(item, depth + 1)]));
}
