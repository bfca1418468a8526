import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import { startCallLogMaintenance } from "@/lib/call-log/start-call-log-maintenance";
import { getPrisma } from "@/lib/db/prisma";
import { OAUTH_POLICY } from "@/lib/oauth/oauth-policy";
import { pruneOAuthTokens } from "@/lib/oauth/prune-oauth-tokens";
import { useGovernanceDatabase } from "@/test/integration/governance/use-governance-database";

const HOUR = 3_600_000;
const REPLAY_WINDOW = OAUTH_POLICY.replayDetectionSeconds * 1000;
const ago = (ms: number) => new Date(Date.now() - ms);
const ahead = (ms: number) => new Date(Date.now() + ms);

/** One row of each kind: which ones a pruning pass may delete, and which it must keep. */
const CASES = [
  { label: "unused, expired", expiresAt: ago(HOUR), usedAt: null, pruned: true },
  { label: "unused, live", expiresAt: ahead(HOUR), usedAt: null, pruned: false },
  { label: "used past the replay window", expiresAt: ago(REPLAY_WINDOW), usedAt: ago(REPLAY_WINDOW + HOUR), pruned: true },
  // Presenting it again must still revoke its grant, even though it would have expired anyway.
  { label: "used within the replay window, expired", expiresAt: ago(HOUR), usedAt: ago(2 * HOUR), pruned: false },
] as const;

let grantId = "";
let clientId = "";
let userId = "";

useGovernanceDatabase(async () => {
  const prisma = getPrisma();
  const user = await prisma.user.create({ data: { email: `prune-${randomUUID()}@example.com` } });
  const client = await prisma.oAuthClient.create({ data: { clientId: `sbc_${randomUUID()}`, kind: "registered", name: "Pruning client", redirectUris: ["http://127.0.0.1/cb"] } });
  const grant = await prisma.apiKey.create({ data: { userId: user.id, name: "Pruning client", prefix: `oa_${randomUUID().slice(0, 9)}`, oauthClientId: client.id } });
  [userId, clientId, grantId] = [user.id, client.id, grant.id];
});

async function seed(): Promise<void> {
  const prisma = getPrisma();
  for (const row of CASES) {
    await prisma.oAuthAuthorizationCode.create({
      data: { codeHash: `code ${row.label} ${randomUUID()}`, clientId, userId, redirectUri: "http://127.0.0.1/cb", codeChallenge: row.label, resource: "http://hub/mcp", expiresAt: row.expiresAt, usedAt: row.usedAt, grantId: row.usedAt ? grantId : null },
    });
    await prisma.oAuthRefreshToken.create({ data: { tokenHash: `token ${row.label} ${randomUUID()}`, grantId, resource: row.label, expiresAt: row.expiresAt, usedAt: row.usedAt } });
  }
}

async function remaining(): Promise<{ codes: string[]; refreshTokens: string[] }> {
  const prisma = getPrisma();
  const codes = await prisma.oAuthAuthorizationCode.findMany({ select: { codeChallenge: true }, orderBy: { codeChallenge: "asc" } });
  const tokens = await prisma.oAuthRefreshToken.findMany({ select: { resource: true }, orderBy: { resource: "asc" } });
  return { codes: codes.map((code) => code.codeChallenge), refreshTokens: tokens.map((token) => token.resource) };
}

const kept = CASES.filter((row) => !row.pruned).map((row) => row.label).sort();

describe("OAuth token pruning", () => {
  it("deletes expired unused and long-used codes and refresh tokens, keeping live ones and the replay window", async () => {
    await seed();
    assert.deepEqual(await pruneOAuthTokens(), { codes: 2, refreshTokens: 2 });
    assert.deepEqual(await remaining(), { codes: kept, refreshTokens: kept });
    assert.deepEqual(await pruneOAuthTokens(), { codes: 0, refreshTokens: 0 }, "a second pass finds nothing more");
    await getPrisma().oAuthAuthorizationCode.deleteMany();
    await getPrisma().oAuthRefreshToken.deleteMany();
  });

  it("runs in the hub's periodic maintenance", async () => {
    await seed();
    const stop = startCallLogMaintenance();
    try {
      const deadline = Date.now() + 10_000;
      while ((await remaining()).refreshTokens.length > kept.length || (await remaining()).codes.length > kept.length) {
        assert.ok(Date.now() < deadline, "the first maintenance run prunes spent OAuth rows");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await stop();
    }
    assert.deepEqual(await remaining(), { codes: kept, refreshTokens: kept });
  });
});
