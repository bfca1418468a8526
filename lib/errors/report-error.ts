import { isDatabaseUnreachable } from "@/lib/db/is-database-unreachable";
import { noteDatabaseUnreachable } from "@/lib/db/track-database-outage";
import { logger } from "@/lib/log/logger";
import { HubError } from "./hub-error";

/**
 * Logs a fault behind a failed request: anything that is not a client-safe HubError (or is an
 * internal_error) with its stack, once. An unreachable database is not logged per request: it is
 * noted as one outage (logged at its start and end). Client errors (4xx HubErrors) are not logged.
 */
export function reportError(error: unknown, fields: Record<string, unknown>, message: string): void {
  if (isDatabaseUnreachable(error)) return noteDatabaseUnreachable(error);
  if (error instanceof HubError && error.code !== "internal_error") return;
  logger.error({ err: error, ...fields }, message);
}
