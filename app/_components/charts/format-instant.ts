/** How much of an instant a label shows: a chart tick needs less than a log row. */
export const INSTANT_STYLES = {
  time: { hour: "2-digit", minute: "2-digit" },
  day: { month: "short", day: "numeric" },
  dayTime: { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" },
  full: { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type InstantStyle = keyof typeof INSTANT_STYLES;

/**
 * An instant (epoch ms) as text: in the viewer's own zone once `local` (in the browser), in UTC
 * with a "UTC" suffix before (server render and hydration, which cannot know the viewer's zone).
 */
export function formatInstant(ms: number, style: InstantStyle, local: boolean): string {
  const options: Intl.DateTimeFormatOptions = { ...INSTANT_STYLES[style], ...(local ? {} : { timeZone: "UTC" }) };
  const text = new Intl.DateTimeFormat(local ? undefined : "en", options).format(ms);
  return local ? text : `${text} UTC`;
}
