import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Principal } from "@/lib/api-keys/principal";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { resolvePrincipal } from "@/lib/api-keys/resolve-principal";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { toErrorReply } from "@/lib/errors/to-error-envelope";
import { publishHubEvent } from "@/lib/events/hub-events";
import { assertToolPermitted } from "@/lib/permissions/assert-tool-permitted";
import { grantTool } from "@/lib/permissions/grant-tool";
import { listPermittedTools } from "@/lib/permissions/list-permitted-tools";
import { listToolGrants } from "@/lib/permissions/list-tool-grants";
import { revokeToolGrant } from "@/lib/permissions/revoke-tool-grant";
import { createUser } from "@/lib/users/create-user";
import { useGovernanceDatabase } from "@/test/integration/governance/use-governance-database";

let admin: { id: string; email: string };
let member: { id: string; email: string };
let other: { id: string; email: string };

function principalFor(user: { id: string; email: string }, role: Principal["role"], allowedTools: string[] = []): Principal {
  return { userId: user.id, email: user.email, role, keyId: crypto.randomUUID(), keyPrefix: "sb_test", allowedTools, rateLimitPolicy: null };
}

async function seedTool(name: string, isPublic = false): Promise<void> {
  await getPrisma().tool.create({ data: { name, version: "1.0.0", title: name, description: name, inputSchema: { type: "object" }, schemaHash: name, public: isPublic } });
}

async function permitted(principal: Principal): Promise<string[]> {
  return [...(await listPermittedTools(principal))].sort();
}

useGovernanceDatabase(async () => {
  admin = await createUser({ email: "admin@example.com", role: "admin" });
  member = await createUser({ email: "member@example.com", role: "member" });
  other = await createUser({ email: "other@example.com", role: "member" });
  await seedTool("echo", true);
  await seedTool("notes_search");
  await seedTool("workspace_read");
});


describe("tool permissions against the database", () => {
  it("a member starts with public tools only; an admin with every tool", async () => {
    assert.deepEqual(await permitted(principalFor(member, "member")), ["echo"]);
    assert.deepEqual(await permitted(principalFor(admin, "admin")), ["echo", "notes_search", "workspace_read"]);
  });

  it("a role grant reaches members at once (cache dropped on permissions_changed), and is audited", async () => {
    const memberPrincipal = principalFor(member, "member");
    assert.deepEqual(await permitted(memberPrincipal), ["echo"]);
    const grant = await grantTool({ toolName: "notes_search", role: "member", actor: { userId: admin.id, label: admin.email } });
    assert.deepEqual({ ...grant, id: "", createdAt: null }, { id: "", toolName: "notes_search", role: "member", userId: null, userEmail: null, createdAt: null });
    assert.deepEqual(await permitted(memberPrincipal), ["echo", "notes_search"]);
    assert.deepEqual(await permitted(principalFor(other, "member")), ["echo", "notes_search"]);
    const audit = await listAuditEvents({ action: "grant.add", targetId: "notes_search" });
    assert.equal(audit.entries.length, 1);
    assert.equal(audit.entries[0].actorLabel, admin.email);
    assert.deepEqual(audit.entries[0].after, { grantId: grant.id, role: "member", userId: null, userEmail: null });
  });

  it("granting twice is idempotent (no second row, no second audit event)", async () => {
    await grantTool({ toolName: "notes_search", role: "member", actor: CLI_ACTOR });
    assert.equal((await listToolGrants({ toolName: "notes_search" })).length, 1);
    assert.equal((await listAuditEvents({ action: "grant.add", targetId: "notes_search" })).entries.length, 1);
  });

  it("a user grant applies to that user only; key narrowing intersects", async () => {
    await grantTool({ toolName: "workspace_read", userId: member.id, actor: CLI_ACTOR });
    assert.deepEqual(await permitted(principalFor(member, "member")), ["echo", "notes_search", "workspace_read"]);
    assert.deepEqual(await permitted(principalFor(other, "member")), ["echo", "notes_search"]);
    assert.deepEqual(await permitted(principalFor(member, "member", ["workspace_read", "not_a_tool"])), ["workspace_read"]);
    const grants = await listToolGrants({ userId: member.id });
    assert.deepEqual(grants.map((g) => [g.toolName, g.userEmail]), [["workspace_read", "member@example.com"]]);
  });

  it("a new tool is granted to nobody but admins until granted (cache dropped on catalog_changed)", async () => {
    const adminPrincipal = principalFor(admin, "admin");
    const memberPrincipal = principalFor(member, "member");
    await permitted(adminPrincipal);
    await seedTool("run_tests");
    publishHubEvent({ type: "catalog_changed" });
    assert.ok((await listPermittedTools(adminPrincipal)).has("run_tests"));
    assert.ok(!(await listPermittedTools(memberPrincipal)).has("run_tests"));
  });

  it("revoking a grant removes the tool at once and is audited with the before state", async () => {
    const memberPrincipal = principalFor(member, "member");
    const removed = await revokeToolGrant({ toolName: "workspace_read", userId: member.id, actor: CLI_ACTOR });
    assert.equal(removed.toolName, "workspace_read");
    assert.deepEqual(await permitted(memberPrincipal), ["echo", "notes_search"]);
    const audit = await listAuditEvents({ action: "grant.", actorLabel: "cli" });
    assert.deepEqual(audit.entries.map((e) => e.action), ["grant.remove", "grant.add"]);
    assert.deepEqual(audit.entries[0].before, { grantId: removed.id, role: null, userId: member.id, userEmail: member.email });
  });

  it("assertToolPermitted passes permitted tools and refuses others with the forbidden envelope", async () => {
    const memberPrincipal = principalFor(member, "member");
    await assertToolPermitted(memberPrincipal, "echo");
    for (const name of ["run_tests", "does_not_exist"]) {
      const error = await assertToolPermitted(memberPrincipal, name).then(() => null, (err: unknown) => err);
      assert.deepEqual(toErrorReply(error).body, { error: { code: "forbidden", message: `Permission denied: tool ${name} not authorized` } });
      assert.equal(toErrorReply(error).status, 403);
    }
  });

  it("works with a principal resolved from a real API key (narrowed key)", async () => {
    const { secret } = await createApiKey({ userId: member.id, name: "narrow", allowedTools: ["notes_search"] });
    const principal = await resolvePrincipal(secret);
    assert.deepEqual(await permitted(principal), ["notes_search"]);
  });

  const errorCases: { name: string; run: () => Promise<unknown>; status: number; code: string; message: string }[] = [
    { name: "grant without grantee", run: () => grantTool({ toolName: "echo", actor: CLI_ACTOR }), status: 400, code: "invalid_request", message: "Grant a tool to exactly one of: a role or a user" },
    { name: "grant with both grantees", run: () => grantTool({ toolName: "echo", role: "member", userId: "00000000-0000-0000-0000-000000000001", actor: CLI_ACTOR }), status: 400, code: "invalid_request", message: "Grant a tool to exactly one of: a role or a user" },
    { name: "grant of an unknown role", run: () => grantTool({ toolName: "echo", role: "owner" as never, actor: CLI_ACTOR }), status: 400, code: "invalid_request", message: 'Unknown role "owner"; expected one of: admin, member' },
    { name: "grant of an unknown tool", run: () => grantTool({ toolName: "nope", role: "member", actor: CLI_ACTOR }), status: 404, code: "not_found", message: "Tool nope not found" },
    { name: "grant to an unknown user", run: () => grantTool({ toolName: "echo", userId: "00000000-0000-0000-0000-000000000001", actor: CLI_ACTOR }), status: 404, code: "not_found", message: "User 00000000-0000-0000-0000-000000000001 not found" },
    { name: "revoke of a missing grant", run: () => revokeToolGrant({ toolName: "echo", role: "admin", actor: CLI_ACTOR }), status: 404, code: "not_found", message: "Tool grant not found" },
  ];
  for (const testCase of errorCases) {
    it(`refuses: ${testCase.name}`, async () => {
      const error = await testCase.run().then(() => null, (err: unknown) => err);
      const reply = toErrorReply(error);
      assert.equal(reply.status, testCase.status);
      assert.deepEqual(reply.body, { error: { code: testCase.code, message: testCase.message } });
    });
  }

  it("answers from memory (no query per call) and re-reads on user_disabled", async () => {
    const p = principalFor(other, "member");
    const before = await permitted(p);
    await getPrisma().toolGrant.create({ data: { toolName: "workspace_read", userId: other.id } });
    assert.deepEqual(await permitted(p), before, "a grant written behind the services' back is not seen yet");
    publishHubEvent({ type: "user_disabled", userId: other.id });
    assert.ok((await permitted(p)).includes("workspace_read"));
  });

  it("lists audit events with paging and time filters", async () => {
    const first = await listAuditEvents({ limit: 2 });
    assert.equal(first.entries.length, 2);
    assert.ok(first.nextCursor);
    const second = await listAuditEvents({ limit: 2, cursor: first.nextCursor });
    assert.ok(BigInt(second.entries[0].id) < BigInt(first.entries[1].id));
    assert.equal((await listAuditEvents({ from: new Date(Date.now() + 60_000) })).entries.length, 0);
    assert.equal((await listAuditEvents({ actorId: admin.id, targetType: "tool" })).entries.length, 1);
  });
});
