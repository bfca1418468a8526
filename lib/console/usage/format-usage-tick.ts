import { USAGE_UNITS, type UsageUnit } from "@/lib/console/usage/format-usage-value";

const format = new Intl.NumberFormat("en", { maximumSignificantDigits: 3 });

/**
 * A chart axis tick with its unit. Ticks step evenly, often below the unit's usual precision
 * (0.05 ms): three significant digits keep neighbouring ticks distinct ("0.05 ms", "0.1 ms",
 * "0.15 ms") where the tables' rounding would print "0.1 ms" twice. Pure.
 */
export function formatUsageTick(tick: number, unit: UsageUnit): string {
  return `${format.format(unit === "percent" ? tick * 100 : tick)}${USAGE_UNITS[unit].suffix}`;
}
