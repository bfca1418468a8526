import { formatInstant } from "@/lib/time/format-instant";

/**
 * A sunset must lie ahead: at the sunset a tool vanishes from every client's list at once, so a
 * date already past would withdraw it without any warning. Withdrawing a tool now is what
 * disabling is for, and the message says so.
 */
export function checkSunsetDate(sunset: Date, now: Date = new Date()): { ok: true } | { ok: false; message: string } {
  if (sunset.getTime() > now.getTime()) return { ok: true };
  return { ok: false, message: `The sunset ${formatInstant(sunset, "dayTime")} is not in the future: pick a later date, or disable it to withdraw it now.` };
}
