import type { ServerResponse } from "node:http";
import { checkReadiness } from "@/lib/db/check-readiness";
import { HubError } from "@/lib/errors/hub-error";
import { toErrorReply } from "@/lib/errors/to-error-envelope";
import type { HubHttpContext } from "./hub-http-context";

/**
 * GET /api/ready for load balancers: 200 once the database answers and every migration is
 * applied; 503 unavailable (with the reason, Retry-After) while it does not, and from the moment
 * shutdown begins, so a balancer stops sending new work before connections close.
 */
export async function handleReadinessRequest(response: ServerResponse, context: HubHttpContext): Promise<void> {
  const readiness = context.draining ? { ok: false, message: "shutting down" } : await checkReadiness();
  const headers = { "Cache-Control": "no-store", "Content-Type": "application/json" };
  if (readiness.ok) {
    response.writeHead(200, headers).end(JSON.stringify({ status: "ready", database: true, migrations: true }));
    return;
  }
  const reply = toErrorReply(new HubError("unavailable", `Not ready: ${readiness.message ?? "database unavailable"}`, { headers: { "Retry-After": "5" } }));
  response.writeHead(503, { ...reply.headers, ...headers }).end(JSON.stringify(reply.body));
}
