import { withApiRoute } from "@/lib/api/with-api-route";

/** Who the caller is, and through which key when authenticated by one. */
export const GET = withApiRoute({}, async ({ caller }) => {
  const { principal } = caller;
  const key = caller.via === "key" ? { id: principal.keyId, prefix: principal.keyPrefix, allowedTools: principal.allowedTools, rateLimitPolicy: principal.rateLimitPolicy } : null;
  return Response.json({ user: { id: caller.userId, email: caller.email, role: caller.role }, via: caller.via, key });
});
