import type { IncomingMessage } from "node:http";
import { resolveClientIp } from "@/lib/http/resolve-client-ip";
import type { HubHttpContext } from "./hub-http-context";

/** The client's address for per-IP limits, honouring SWITCHBOARD_TRUST_PROXY. */
export function clientIpOf(request: IncomingMessage, context: Pick<HubHttpContext, "trustProxy">): string {
  return resolveClientIp({ remoteAddress: request.socket.remoteAddress, forwardedFor: request.headers["x-forwarded-for"], trustProxy: context.trustProxy });
}
