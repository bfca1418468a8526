// Per-IP limit on failed authentications (RATE_LIMIT_POLICIES.authFailures): once an IP has used
// its budget, its next attempt is refused with 429 before the key is looked at — a valid key too.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { generateApiKey } from "@/lib/api-keys/generate-api-key";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/policies";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { runSbCli } from "./run-sb-cli";
import { sendRawRequest } from "./send-raw-request";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";

let database: TestDatabase;
let hub: TestHub;
let validKey = "";

before(async () => {
  database = await createTestDatabase();
  await runSbCli(["user", "create", "--email", "limit@example.com", "--password", "correct horse battery"], { DATABASE_URL: database.url });
  validKey = await runSbCli(["key", "create", "--email", "limit@example.com", "--name", "valid"], { DATABASE_URL: database.url });
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

test(`after ${RATE_LIMIT_POLICIES.authFailures.limit} failed attempts the IP gets 429 with Retry-After, even with a valid key and forged X-Forwarded-For`, async () => {
  const budget = RATE_LIMIT_POLICIES.authFailures.limit;
  for (let attempt = 1; attempt <= budget; attempt++) {
    const reply = await openStream(generateApiKey().key);
    assert.equal(reply.status, 401, `attempt ${attempt}: ${reply.text}`);
  }
  for (const key of [generateApiKey().key, validKey]) {
    const refused = await openStream(key);
    assert.equal(refused.status, 429, refused.text);
    assert.ok(Number(refused.headers["retry-after"]) >= 1, `Retry-After ${refused.headers["retry-after"]}`);
    assert.equal(refused.headers["ratelimit-limit"], String(budget));
    const body = JSON.parse(refused.text) as { error: { code: string; message: string } };
    assert.equal(body.error.code, "rate_limited");
    assert.match(body.error.message, /^Too many failed authentication attempts; retry in \d+ s$/);
  }
});
