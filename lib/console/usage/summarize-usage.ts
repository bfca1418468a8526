import { USAGE_RANGES, type UsageRange } from "@/lib/usage/usage-ranges";

export interface UsageSummary {
  calls: number;
  errors: number;
  /** errors / calls, 0..1 (0 without calls). */
  errorRate: number;
  /** Average over the whole range, not only its busy minutes. */
  callsPerMinute: number;
  rateLimitViolations: number;
}

/** Headline numbers of a dashboard range from its zero-filled series. Pure. */
export function summarizeUsage(
  range: UsageRange,
  calls: readonly { calls: number; errors: number }[],
  violations: readonly { key: number; authFailure: number }[],
): UsageSummary {
  const total = calls.reduce((sum, point) => sum + point.calls, 0);
  const errors = calls.reduce((sum, point) => sum + point.errors, 0);
  return {
    calls: total,
    errors,
    errorRate: total === 0 ? 0 : errors / total,
    callsPerMinute: total / (USAGE_RANGES[range].durationMs / 60_000),
    rateLimitViolations: violations.reduce((sum, point) => sum + point.key + point.authFailure, 0),
  };
}
