import { assertCallerMay } from "@/lib/api/assert-caller-may";
import { mintCallerKey } from "@/lib/api/mint-caller-key";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { parseSearchParams } from "@/lib/api/parse-search-params";
import { keysQuerySchema } from "@/lib/api/schemas/keys-query-schema";
import { withApiRoute } from "@/lib/api/with-api-route";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { mintKeyFormSchema } from "@/lib/console/mint-key-form-schema";

/** The caller's keys (admins: ?userId= for anyone's), newest first, revoked and expired included; never a secret or hash. */
export const GET = withApiRoute({}, async ({ request, caller }) => {
  const { userId = caller.userId } = parseSearchParams(request, keysQuerySchema);
  if (userId !== caller.userId) assertCallerMay(caller, "manageHub");
  return Response.json({ keys: await listApiKeys(userId) });
});

/**
 * Mints a key for the caller, with the console form's fields; the secret is in this answer only.
 * Through a key, the new key is no broader than it: tools, expiry, rate limit (mintCallerKey).
 */
export const POST = withApiRoute({}, async ({ request, caller }) => {
  const form = await parseJsonBody(request, mintKeyFormSchema);
  const { key, secret } = await mintCallerKey(caller, form);
  return Response.json({ key, secret }, { status: 201 });
});
