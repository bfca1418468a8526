/** Where an upstream tool stands in review; only "approved" tools are listed and callable. */
export type UpstreamReviewState = "approved" | "held" | "missing";

/**
 * An upstream tool's review state: missing when the server no longer lists it; held when a new
 * or changed definition awaits approval (or none was ever approved); else approved. The same
 * reading as the catalogue's upstream source, which serves only approved definitions.
 */
export function getUpstreamReviewState(upstream: { missingSince: Date | null; pendingFingerprint: string | null; approvedFingerprint: string | null }): UpstreamReviewState {
  if (upstream.missingSince) return "missing";
  if (upstream.pendingFingerprint || !upstream.approvedFingerprint) return "held";
  return "approved";
}
