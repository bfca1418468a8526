/**
 * How much of an instant a label shows. Everything a person reads as a date carries the year and
 * the zone ("30 Jun 2027, 00:00 UTC"); only chart ticks, read against a labelled range, are short.
 */
export const INSTANT_STYLES = {
  timeTick: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  dayTick: { day: "numeric", month: "short" },
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" },
  dayTime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" },
  full: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZoneName: "short" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type InstantStyle = keyof typeof INSTANT_STYLES;

/**
 * An instant (epoch ms) as text, in one format everywhere (console, MCP tool descriptions):
 * in UTC, or in the runtime's own zone with "local" (the browser, once hydrated: the server
 * cannot know the viewer's zone). Every style but the chart ticks names its zone, so a day
 * alone is never shown: a sunset is an instant (00:00 UTC of its date), and says so.
 */
export function formatInstant(ms: number | Date, style: InstantStyle, zone: "UTC" | "local" = "UTC"): string {
  return new Intl.DateTimeFormat("en-GB", { ...INSTANT_STYLES[style], ...(zone === "UTC" ? { timeZone: "UTC" } : {}) }).format(ms);
}
