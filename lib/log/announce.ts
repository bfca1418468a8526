import { createLogger } from "@/lib/log/create-logger";

// At info whatever LOG_LEVEL says: these lines are how an operator (and a test harness) knows
// the hub is starting and where it listens, so LOG_LEVEL=warn must not hide them.
const announcer = createLogger("info");

/** A start-up line in the log's own format (readable on a terminal, JSON otherwise), never filtered by LOG_LEVEL. */
export function announce(message: string, fields: Record<string, unknown> = {}): void {
  announcer.info(fields, message);
}
