import { isDatabaseUnreachable } from "@/lib/db/is-database-unreachable";
import { HubError, type ErrorCode } from "./hub-error";

export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string };
}

export interface ErrorReply {
  status: number;
  headers: Record<string, string>;
  body: ErrorEnvelope;
}

const UNAUTHORIZED_HEADERS = { "WWW-Authenticate": 'Bearer realm="switchboard"' };
/** Seconds a client is told to wait while the database is unreachable (the probe runs every second). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The answer to any request that needed the database while it is unreachable. */
export function databaseUnavailableError(cause?: unknown): HubError {
  return new HubError("unavailable", `The database is unreachable; retry in ${DATABASE_RETRY_AFTER_SECONDS} s.`, { cause, headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } });
}

/**
 * Turns any thrown value into the documented envelope. Only HubError messages reach clients; an
 * unreachable database becomes 503 unavailable with Retry-After, anything else a generic
 * internal_error (the caller reports the original: reportError).
 */
export function toErrorReply(error: unknown): ErrorReply {
  const hubError =
    error instanceof HubError ? error : isDatabaseUnreachable(error) ? databaseUnavailableError() : new HubError("internal_error", "Internal error. The incident was logged.");
  const headers = { ...(hubError.code === "unauthorized" ? UNAUTHORIZED_HEADERS : {}), ...hubError.headers };
  return { status: hubError.status, headers, body: { error: { code: hubError.code, message: hubError.message } } };
}

/** The envelope as a web Response (route handlers). */
export function toErrorResponse(error: unknown): Response {
  const reply = toErrorReply(error);
  return Response.json(reply.body, { status: reply.status, headers: reply.headers });
}
