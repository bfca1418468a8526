import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";

// The hand-written init migration must match schema.prisma: every model is created, read,
// updated and deleted through the generated client, which fails on any missing or mistyped column.
let database: TestDatabase;
let prisma: PrismaClient;

before(async () => {
  database = await createTestDatabase();
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
});

after(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

test("User, Account, Invite, ApiKey round-trip", async () => {
  const user = await prisma.user.create({ data: { email: "crud@example.com", role: "admin", passwordHash: "x" } });
  assert.equal(user.role, "admin");
  await prisma.account.create({ data: { userId: user.id, provider: "github", providerAccountId: "42" } });
  await assert.rejects(prisma.account.create({ data: { userId: user.id, provider: "github", providerAccountId: "42" } }));
  const invite = await prisma.invite.create({ data: { tokenHash: "h", email: "i@example.com", expiresAt: new Date() } });
  assert.equal(invite.role, "member");
  const key = await prisma.apiKey.create({ data: { userId: user.id, name: "k", prefix: "sb_abcdefghi", hash: "f".repeat(64) } });
  assert.deepEqual(key.allowedTools, []);
  const updated = await prisma.apiKey.update({ where: { id: key.id }, data: { allowedTools: ["a", "b"], revokedAt: new Date() } });
  assert.deepEqual(updated.allowedTools, ["a", "b"]);
  await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
  await prisma.user.delete({ where: { id: user.id } });
  assert.equal(await prisma.apiKey.count(), 0, "ApiKey cascades with its user");
  assert.equal(await prisma.account.count(), 0, "Account cascades with its user");
  await prisma.invite.delete({ where: { id: invite.id } });
});

test("Tool, ToolRevision, CommandTool, ToolGrant, RateLimitPolicy round-trip", async () => {
  const tool = await prisma.tool.create({
    data: { name: "run_tests", version: "1", title: "T", description: "d", inputSchema: { type: "object" }, schemaHash: "s" },
  });
  assert.equal(tool.enabled, true);
  assert.equal(tool.kind, "builtin");
  await prisma.toolRevision.create({ data: { toolName: tool.name, version: "1", schemaHash: "s", inputSchema: { type: "object" } } });
  const command = await prisma.commandTool.create({ data: { toolName: tool.name, argv: ["npm", "test"], parameters: {} } });
  assert.equal(command.timeoutMs, 60000);
  const user = await prisma.user.create({ data: { email: "grant@example.com" } });
  await prisma.toolGrant.create({ data: { toolName: tool.name, role: "member" } });
  await prisma.toolGrant.create({ data: { toolName: tool.name, userId: user.id } });
  await assert.rejects(prisma.toolGrant.create({ data: { toolName: tool.name, role: "member" } }));
  await prisma.rateLimitPolicy.upsert({ where: { role: "member" }, create: { role: "member", limit: 60, windowSeconds: 60 }, update: {} });
  await prisma.tool.update({ where: { name: tool.name }, data: { deprecatedAt: new Date(), replacement: "x", sunsetAt: new Date() } });
  await prisma.tool.delete({ where: { name: tool.name } });
  assert.equal(await prisma.toolGrant.count(), 0);
  assert.equal(await prisma.toolRevision.count(), 0);
  assert.equal(await prisma.commandTool.count(), 0);
  await prisma.rateLimitPolicy.delete({ where: { role: "member" } });
});

test("CallLog, CallRollup, RateLimitEvent, AuditEvent, Note round-trip", async () => {
  const userId = "00000000-0000-4000-8000-000000000001";
  const log = await prisma.callLog.create({
    data: { transport: "sse", toolName: "t", status: "rate_limited", durationMs: 1.5, requestBytes: 1, resultBytes: 2, userId },
  });
  assert.equal(typeof log.id, "bigint");
  await prisma.callRollup.create({
    data: { minute: new Date(), toolName: "t", userId, apiKeyId: userId, clientName: "c", status: "ok", calls: 1, totalMs: 1, maxMs: 1, buckets: [1, 0, 2] },
  });
  assert.deepEqual((await prisma.callRollup.findFirstOrThrow()).buckets, [1, 0, 2]);
  // Raw SQL: lib/generated may predate this model until the client is regenerated (npm run postinstall).
  await prisma.$executeRaw`INSERT INTO "CallRollupHourly" VALUES (now(), 't', 'c', 'error', 2, 3, 2, ARRAY[0, 2])`;
  assert.deepEqual(await prisma.$queryRaw`SELECT buckets, status::text FROM "CallRollupHourly"`, [{ buckets: [0, 2], status: "error" }]);
  await prisma.$executeRaw`DELETE FROM "CallRollupHourly"`;
  await prisma.rateLimitEvent.create({ data: { kind: "key", limit: 60, windowSeconds: 60, ip: "::1" } });
  await prisma.auditEvent.create({ data: { actorLabel: "cli", action: "x.y", targetType: "t", targetId: "1", before: { a: 1 }, after: { a: 2 } } });
  const note = await prisma.note.create({ data: { title: "Deploy runbook", body: "Rollback steps for the payments service", tags: ["ops"] } });
  const hits = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Note" WHERE to_tsvector('english', title || ' ' || body) @@ plainto_tsquery('english', 'rollback payment')`;
  assert.deepEqual(hits.map((hit) => hit.id), [note.id]);
  await prisma.note.update({ where: { id: note.id }, data: { body: "changed" } });
  for (const model of [prisma.callLog, prisma.callRollup, prisma.rateLimitEvent, prisma.auditEvent, prisma.note] as const) {
    await (model as unknown as { deleteMany(): Promise<unknown> }).deleteMany();
  }
});

test("the full-text index exists with the expression the notes tools query", async () => {
  const [index] = await prisma.$queryRaw<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE indexname = 'Note_title_body_fts_idx'`;
  assert.match(index.indexdef, /USING gin \(to_tsvector\('english'::regconfig, \(\(title \|\| ' '::text\) \|\| body\)\)\)/);
});
