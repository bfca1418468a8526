import type { CallKind, CallStatus } from "@/lib/generated/prisma/enums";

/** How the console names each call status (table badges and the status filter). */
export const STATUS_LABELS = { ok: "OK", error: "Error", denied: "Denied", rate_limited: "Rate limited", invalid: "Invalid input" } as const satisfies Record<CallStatus, string>;

/** How the console names each kind of call (the table's badge beside a resource or prompt, and the kind filter). */
export const KIND_LABELS = { tool: "Tool call", resource: "Resource read", prompt: "Prompt" } as const satisfies Record<CallKind, string>;
