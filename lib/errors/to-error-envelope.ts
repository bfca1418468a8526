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

/**
 * Turns any thrown value into the documented envelope. Only HubError messages reach clients;
 * anything else becomes a generic internal_error (the caller logs the original).
 */
export function toErrorReply(error: unknown): ErrorReply {
  const hubError = error instanceof HubError ? error : new HubError("internal_error", "Internal error. The incident was logged.");
  const headers = { ...(hubError.code === "unauthorized" ? UNAUTHORIZED_HEADERS : {}), ...hubError.headers };
  return { status: hubError.status, headers, body: { error: { code: hubError.code, message: hubError.message } } };
}

/** The envelope as a web Response (route handlers). */
export function toErrorResponse(error: unknown): Response {
  const reply = toErrorReply(error);
  return Response.json(reply.body, { status: reply.status, headers: reply.headers });
}
