/** The deprecation fields of a catalogue row as JSON for an audit event's before/after. */
export function toDeprecationAudit(row: { deprecatedAt: Date | null; deprecationMessage: string | null; replacement: string | null; sunsetAt: Date | null }) {
  return {
    deprecatedAt: row.deprecatedAt?.toISOString() ?? null,
    message: row.deprecationMessage,
    replacement: row.replacement,
    sunsetAt: row.sunsetAt?.toISOString() ?? null,
  };
}
