import type { IncomingMessage, ServerResponse } from "node:http";
import { HubError } from "@/lib/errors/hub-error";
import { authorizeMetricsRequest } from "@/lib/metrics/authorize-metrics-request";
import { renderMetrics } from "@/lib/metrics/render-metrics";
import { assertRequestOrigin } from "@/mcp/pipeline/assert-request-origin";
import { clientIpOf } from "./client-ip-of";
import type { HubHttpContext } from "./hub-http-context";
import { sendErrorReply } from "./send-error-reply";

/**
 * GET /metrics: Prometheus text of this process's registry (the same registry the MCP pipeline
 * observes), behind SWITCHBOARD_METRICS_TOKEN or an admin API key.
 */
export async function handleMetricsRequest(request: IncomingMessage, response: ServerResponse, context: HubHttpContext): Promise<void> {
  try {
    assertRequestOrigin(request.headers, context.allowedHosts);
    if (request.method !== "GET") throw new HubError("invalid_request", `Method ${request.method} is not supported on /metrics: use GET.`);
    await authorizeMetricsRequest(request.headers.authorization, clientIpOf(request, context));
    const metrics = await renderMetrics();
    response.writeHead(200, { "Content-Type": metrics.contentType, "Cache-Control": "no-store" }).end(metrics.body);
  } catch (error) {
    sendErrorReply(response, error);
  }
}
