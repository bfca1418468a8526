import type { IncomingMessage, ServerResponse } from "node:http";
import { clientIpOf } from "./client-ip-of";
import type { HubHttpContext } from "./hub-http-context";

/**
 * Sent on every console answer: no framing (clickjacking; frame-ancestors for current browsers,
 * X-Frame-Options for old ones), no MIME sniffing, and no console URL (invite tokens, filters)
 * leaking to other sites in Referer.
 */
export const CONSOLE_SECURITY_HEADERS = {
  "Content-Security-Policy": "frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
} as const;

/** Forwarding headers only a trusted reverse proxy may set. */
const PROXY_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"] as const;

/**
 * Readies a request for the console (Next): sets the security headers on its answer, and
 * replaces X-Forwarded-For with the address this edge vouches for (sign-in throttling reads it).
 * Unless SWITCHBOARD_TRUST_PROXY is on, client-sent forwarding headers are dropped: Next's
 * server-action origin check compares Origin with X-Forwarded-Host, so a client could otherwise
 * name its own origin as the host and pass it.
 */
export function prepareConsoleRequest(request: IncomingMessage, response: ServerResponse, context: Pick<HubHttpContext, "trustProxy">): void {
  for (const [name, value] of Object.entries(CONSOLE_SECURITY_HEADERS)) response.setHeader(name, value);
  request.headers["x-forwarded-for"] = clientIpOf(request, context);
  delete request.headers["x-real-ip"];
  if (context.trustProxy) return;
  for (const name of PROXY_HEADERS) delete request.headers[name];
}
