/** A key's state as the console shows it. */
export type KeyStatus = "active" | "expired" | "revoked";

/** Revoked wins over expired: it is the deliberate act. Pure. */
export function describeKeyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date = new Date()): KeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}
