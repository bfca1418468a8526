import { USAGE_RANGES, type UsageRange } from "@/lib/usage/usage-ranges";

/** Pure check that a string names a range. */
export function parseUsageRange(text: string | null | undefined): { ok: true; range: UsageRange } | { ok: false; message: string } {
  if (text && Object.hasOwn(USAGE_RANGES, text)) return { ok: true, range: text as UsageRange };
  return { ok: false, message: `Invalid range "${text ?? ""}": expected one of ${Object.keys(USAGE_RANGES).join(", ")}` };
}
