// Failed-authentication budgets (RATE_LIMIT_POLICIES.authFailures): unknown keys count against the
// address, and once it has used its budget its next bad key is refused with 429; a valid key from
// it still gets through. A revoked key's retries count against that key, never the address.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { generateApiKey } from "@/lib/api-keys/generate-api-key";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/policies";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { sendRawRequest } from "./send-raw-request";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";

let database: TestDatabase;
let hub: TestHub;
let validKey = "";
let revokedKey = "";

before(async () => {
  database = await createTestDatabase();
  await seedAccounts(database.url, async (seed) => {
    await seed.user("limit@example.com");
    validKey = await seed.key("limit@example.com", "valid");
    revokedKey = await seed.key("limit@example.com", "revoked");
    await seed.revoke(revokedKey);
  });
  hub = await startTestHub({ databaseUrl: database.url });
});
after(async () => {
  await hub?.stop();
  await database?.drop();
});

// Each attempt claims a different X-Forwarded-For: with no trusted proxy configured the hub must
// ignore it, or an attacker would get a fresh budget per forged address.
let forged = 0;
const openStream = (key: string) =>
  sendRawRequest({
    port: hub.port,
    method: "GET",
    path: "/sse",
    headers: { Host: "localhost", Authorization: `Bearer ${key}`, "X-Forwarded-For": `198.51.100.${++forged}` },
    firstChunkOnly: true,
  });

test("a revoked key's retries count against that key: it gets 429, while the address's budget stays whole", async () => {
  const budget = RATE_LIMIT_POLICIES.authFailures.limit;
  const statuses: number[] = [];
  for (let attempt = 0; attempt < budget + 5; attempt++) statuses.push((await openStream(revokedKey)).status);
  assert.deepEqual(statuses, [...Array(budget).fill(401), ...Array(5).fill(429)]);
  const unknown = await openStream(generateApiKey().key);
  assert.equal(unknown.status, 401, `an unknown key from the same address is refused as unknown, not throttled: ${unknown.text}`);
  assert.equal((await openStream(validKey)).status, 200, "a valid key from the same address gets through");
});

test(`after ${RATE_LIMIT_POLICIES.authFailures.limit} failed attempts the IP's bad keys get 429 with Retry-After despite forged X-Forwarded-For; a valid key still gets through`, async () => {
  const budget = RATE_LIMIT_POLICIES.authFailures.limit;
  // The unknown key of the previous test used one attempt of the address's budget.
  for (let attempt = 2; attempt <= budget; attempt++) {
    const reply = await openStream(generateApiKey().key);
    assert.equal(reply.status, 401, `attempt ${attempt}: ${reply.text}`);
  }
  for (const key of [generateApiKey().key, generateApiKey().key]) {
    const refused = await openStream(key);
    assert.equal(refused.status, 429, refused.text);
    assert.ok(Number(refused.headers["retry-after"]) >= 1, `Retry-After ${refused.headers["retry-after"]}`);
    assert.equal(refused.headers["ratelimit-limit"], String(budget));
    const body = JSON.parse(refused.text) as { error: { code: string; message: string } };
    assert.equal(body.error.code, "rate_limited");
    assert.match(body.error.message, /^Too many failed authentication attempts; retry in \d+ s$/);
  }
  assert.equal((await openStream(validKey)).status, 200, "a valid key from a throttled address gets through");
});
