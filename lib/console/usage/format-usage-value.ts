/** The units the usage pages print numbers in. */
export const USAGE_UNITS = {
  ms: { suffix: " ms", maxDigits: 1 },
  percent: { suffix: "%", maxDigits: 1 },
  callsPerMinute: { suffix: " calls/min", maxDigits: 2 },
  count: { suffix: "", maxDigits: 0 },
} as const;

export type UsageUnit = keyof typeof USAGE_UNITS;

const formats = new Map<number, Intl.NumberFormat>();

/**
 * A number with its unit, for tables, summaries and chart tooltips ("12.5 ms", "3.2%",
 * "0.08 calls/min", "1,204"). `percent` takes a ratio (0..1). Null prints "—" (nothing measured).
 * A fixed locale so server- and client-rendered text agree during hydration. Pure.
 */
export function formatUsageValue(value: number | null | undefined, unit: UsageUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const { suffix, maxDigits } = USAGE_UNITS[unit];
  let format = formats.get(maxDigits);
  if (!format) {
    format = new Intl.NumberFormat("en", { maximumFractionDigits: maxDigits });
    formats.set(maxDigits, format);
  }
  return `${format.format(unit === "percent" ? value * 100 : value)}${suffix}`;
}
