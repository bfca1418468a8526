import { withApiRoute } from "@/lib/api/with-api-route";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { ROLES } from "@/lib/permissions/roles";

/** Revokes a key: members their own (another user's key is "not found"), admins any. Idempotent. */
export const DELETE = withApiRoute<{ id: string }>({}, async ({ caller, params }) => {
  const ownerId = ROLES[caller.role].manageHub ? undefined : caller.userId;
  const { key, changed } = await revokeApiKey({ keyId: params.id, ownerId, actor: caller.actor });
  return Response.json({ key, changed });
});
