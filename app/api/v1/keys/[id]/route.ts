import { callerMay } from "@/lib/api/caller-may";
import { withApiRoute } from "@/lib/api/with-api-route";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";

/** Revokes a key and the keys minted with it: admins any; members, and any key limited to some tools, only their own (another user's is "not found"). Idempotent. */
export const DELETE = withApiRoute<{ id: string }>({}, async ({ caller, params }) => {
  const ownerId = callerMay(caller, "manageHub") ? undefined : caller.userId;
  const { key, changed, descendantsRevoked } = await revokeApiKey({ keyId: params.id, ownerId, actor: caller.actor });
  return Response.json({ key, changed, descendantsRevoked });
});
