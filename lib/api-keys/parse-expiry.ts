const UNIT_MILLISECONDS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const MAX_DAYS = 3650;

/**
 * Parses a key lifetime such as "30d", "12h", "90m", "2w" into an absolute expiry from `now`.
 * Pure; the failure message shows valid examples.
 */
export function parseExpiry(text: string, now: Date = new Date()): { ok: true; expiresAt: Date } | { ok: false; message: string } {
  const match = /^(\d+)\s*([mhdw])$/.exec(text.trim().toLowerCase());
  const milliseconds = match ? Number(match[1]) * UNIT_MILLISECONDS[match[2] as keyof typeof UNIT_MILLISECONDS] : 0;
  if (!match || milliseconds <= 0) {
    return { ok: false, message: `Invalid expiry "${text}": expected a positive duration such as 30d, 12h, 90m or 2w` };
  }
  if (milliseconds > MAX_DAYS * UNIT_MILLISECONDS.d) return { ok: false, message: `Invalid expiry "${text}": at most ${MAX_DAYS}d` };
  return { ok: true, expiresAt: new Date(now.getTime() + milliseconds) };
}
