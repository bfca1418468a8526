import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { lookUpLivePrincipals } from "@/lib/api-keys/look-up-live-principals";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { createUser } from "@/lib/users/create-user";
import { disableUser } from "@/lib/users/disable-user";
import { useTestDatabase } from "@/test/helpers/use-test-database";

useTestDatabase();

let counter = 0;
async function seedKey(allowedTools: string[] = []) {
  counter += 1;
  const user = await createUser({ email: `live${counter}@example.com`, password: "a-long-enough-password" });
  const { key, secret } = await createApiKey({ userId: user.id, name: `key ${counter}`, allowedTools, rateLimitPolicy: "600/1m" });
  return { user, key, secret };
}

test("live keys come back as the principal a request would resolve to now (a rewritten tool list included, as resolvePrincipal builds it); revoked, expired, disabled and unknown ones are left out", async () => {
  await createUser({ email: "keeps-an-admin@example.com", role: "admin" });
  const live = await seedKey(["old__echo"]);
  const revoked = await seedKey();
  await revokeApiKey({ keyId: revoked.key.id, actor: CLI_ACTOR });
  const expired = await seedKey();
  await getPrisma().apiKey.update({ where: { id: expired.key.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const disabled = await seedKey();
  await disableUser({ userId: disabled.user.id, actor: CLI_ACTOR });
  // As a server rename rewrites it.
  await getPrisma().apiKey.update({ where: { id: live.key.id }, data: { allowedTools: ["new__echo"] } });

  const found = await lookUpLivePrincipals([live.key.id, revoked.key.id, expired.key.id, disabled.key.id, randomUUID(), live.key.id]);
  assert.deepEqual([...found.keys()], [live.key.id]);
  assert.deepEqual(
    { ...found.get(live.key.id) },
    { userId: live.user.id, email: live.user.email, role: "member", keyId: live.key.id, keyPrefix: live.secret.slice(0, 12), allowedTools: ["new__echo"], rateLimitPolicy: "600/1m", budgetKeyId: live.key.id },
  );
  assert.deepEqual(await lookUpLivePrincipals([]), new Map());
});
