const format = new Intl.NumberFormat("en", { maximumSignificantDigits: 2 });

/**
 * An average call rate in the largest unit that reads as at least 1 (per minute, hour or day):
 * 5 calls in a day is "5 calls/day", not "0 calls/min". Zero prints "0 calls/min". Pure.
 */
export function formatCallRate(callsPerMinute: number): string {
  if (!Number.isFinite(callsPerMinute) || callsPerMinute <= 0) return "0 calls/min";
  if (callsPerMinute >= 1) return `${new Intl.NumberFormat("en", { maximumFractionDigits: 1 }).format(callsPerMinute)} calls/min`;
  if (callsPerMinute * 60 >= 1) return `${format.format(callsPerMinute * 60)} calls/h`;
  return `${format.format(callsPerMinute * 1440)} calls/day`;
}
