import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ConsoleUser } from "@/lib/auth/console-user";
import { mintConsoleKey } from "@/lib/console/mint-console-key";
import { mintKeyFormSchema } from "@/lib/console/mint-key-form-schema";
import { getPrisma } from "@/lib/db/prisma";
import { toErrorReply } from "@/lib/errors/to-error-envelope";
import { createUser } from "@/lib/users/create-user";
import { useGovernanceDatabase } from "@/test/integration/governance/use-governance-database";

let member: ConsoleUser;

useGovernanceDatabase(async () => {
  await createUser({ email: "admin@example.com" });
  const created = await createUser({ email: "member@example.com", role: "member" });
  member = { id: created.id, email: created.email, name: null, role: created.role };
  for (const [name, isPublic] of [["echo", true], ["notes_search", false]] as const) {
    await getPrisma().tool.create({ data: { name, version: "1.0.0", title: name, description: name, inputSchema: { type: "object" }, schemaHash: name, public: isPublic } });
  }
});

const form = (fields: Record<string, unknown>) => mintKeyFormSchema.parse(fields);
const DAY_MS = 86_400_000;

describe("mintConsoleKey", () => {
  it("mints a key for every permitted tool that never expires, returning the secret once", async () => {
    const { key, secret } = await mintConsoleKey(member, form({ name: "laptop", lifetime: "never" }));
    assert.match(secret, /^sb_/);
    assert.equal(key.userId, member.id);
    assert.deepEqual(key.allowedTools, []);
    assert.equal(key.expiresAt, null);
    assert.equal(secret.startsWith(key.prefix), true);
  });

  it("applies the chosen lifetime and narrows to the picked tools", async () => {
    const before = Date.now();
    const { key } = await mintConsoleKey(member, form({ name: "ci", lifetime: "30d", tools: ["echo"] }));
    assert.deepEqual(key.allowedTools, ["echo"]);
    const lifetime = (key.expiresAt?.getTime() ?? 0) - before;
    assert.ok(Math.abs(lifetime - 30 * DAY_MS) < 60_000, `expires in ${lifetime} ms`);
  });

  const refusals = [
    { name: "a tool the member may not call", fields: { name: "sneaky", tools: ["echo", "notes_search"] }, message: "You may not use: notes_search" },
    { name: "a tool that does not exist", fields: { name: "typo", tools: ["ecko"] }, message: "You may not use: ecko" },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name} with validation_failed and creates nothing`, async () => {
      const keysBefore = await getPrisma().apiKey.count();
      const reply = await mintConsoleKey(member, form(refusal.fields)).then(
        () => assert.fail("expected validation_failed"),
        (error: unknown) => toErrorReply(error),
      );
      assert.deepEqual([reply.status, reply.body], [422, { error: { code: "validation_failed", message: refusal.message } }]);
      assert.equal(await getPrisma().apiKey.count(), keysBefore);
    });
  }

  it("the form schema refuses an empty name and an unknown lifetime", () => {
    assert.equal(mintKeyFormSchema.safeParse({ name: "   " }).success, false);
    assert.equal(mintKeyFormSchema.safeParse({ name: "ok", lifetime: "5y" }).success, false);
    assert.deepEqual(mintKeyFormSchema.parse({ name: " ok " }), { name: "ok", lifetime: "90d", tools: [] });
  });
});
