import { checkReadiness } from "@/lib/db/check-readiness";
import { HubError } from "@/lib/errors/hub-error";
import { toErrorReply } from "@/lib/errors/to-error-envelope";

export const dynamic = "force-dynamic";

/**
 * Readiness for load balancers: 200 once the database answers and every migration is applied,
 * else 503 with the error envelope (the closed code set has no "unavailable", so internal_error
 * carries the reason; the 503 status is what balancers act on).
 */
export async function GET() {
  const readiness = await checkReadiness();
  const headers = { "Cache-Control": "no-store" };
  if (readiness.ok) return Response.json({ status: "ready", database: true, migrations: true }, { headers });
  const reply = toErrorReply(new HubError("internal_error", `Not ready: ${readiness.message ?? "database unavailable"}`));
  return Response.json(reply.body, { status: 503, headers: { ...reply.headers, ...headers } });
}
