import type { CallStatus } from "@/lib/generated/prisma/enums";

/** How the console names each call status (table badges and the status filter). */
export const STATUS_LABELS = { ok: "OK", error: "Error", denied: "Denied", rate_limited: "Rate limited", invalid: "Invalid input" } as const satisfies Record<CallStatus, string>;
