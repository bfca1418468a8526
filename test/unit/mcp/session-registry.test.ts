import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { PromptListChangedNotificationSchema, ResourceListChangedNotificationSchema, ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import type { Principal } from "@/lib/api-keys/principal";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";
import type { ServerVisibility } from "@/lib/events/list-changes-of";
import { createSessionServer } from "@/mcp/sessions/create-session-server";
import { SessionRegistry, type HubSession } from "@/mcp/sessions/session-registry";

const registries: SessionRegistry[] = [];
afterEach(async () => {
  for (const registry of registries.splice(0)) {
    registry.stop();
    await registry.closeAll();
  }
});

function startRegistry(ttlSeconds: number, maySeeServer?: ServerVisibility): SessionRegistry {
  const registry = new SessionRegistry();
  registry.start({ ttlSeconds, maySeeServer });
  registries.push(registry);
  return registry;
}

/**
 * A real per-session MCP server wired to an SDK Client in memory; `stream` says whether the
 * session counts as holding a client stream (SSE / standalone GET) for expiry purposes.
 */
async function openSession(registry: SessionRegistry, options: { id: string; keyId: string; userId: string; stream: boolean }) {
  const { server, connect } = createSessionServer({ sessionId: options.id, transport: "streamable" });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const keepAlives: number[] = [];
  const session: HubSession = {
    id: options.id,
    transport: options.stream ? "sse" : "streamable",
    keyId: options.keyId,
    userId: options.userId,
    principal: { userId: options.userId, email: `${options.userId}@example.com`, role: "member", keyId: options.keyId, keyPrefix: "sb_test", allowedTools: [], rateLimitPolicy: null } satisfies Principal,
    server,
    channel: { keepAlive: () => keepAlives.push(Date.now()), hasOpenStream: options.stream },
    lastActivityAt: Date.now(),
    initialized: false,
  };
  let closed = false;
  serverSide.onclose = () => {
    closed = true;
    registry.remove(options.id);
  };
  registry.add(session);
  await connect(serverSide);
  const client = new Client({ name: "registry-test", version: "1.0.0" });
  await client.connect(clientSide);
  return { session, client, keepAlives, isClosed: () => closed };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("counts sessions per transport, for the hub or one user, and forgets removed ones", async () => {
  const registry = startRegistry(60);
  await openSession(registry, { id: "a", keyId: "k1", userId: "u1", stream: false });
  await openSession(registry, { id: "b", keyId: "k1", userId: "u1", stream: true });
  await openSession(registry, { id: "c", keyId: "k2", userId: "u2", stream: false });
  assert.deepEqual(registry.countByTransport(), { sse: 1, streamable: 2 });
  assert.deepEqual(registry.countByTransport({ userId: "u1" }), { sse: 1, streamable: 1 });
  assert.deepEqual(registry.countByTransport({ userId: "nobody" }), { sse: 0, streamable: 0 });
  await registry.close("c");
  await registry.close("a");
  assert.deepEqual(registry.countByTransport(), { sse: 1, streamable: 0 });
  assert.equal(registry.get("a"), undefined);
});

test("key_revoked closes only that key's sessions, user_disabled only that user's", async () => {
  const registry = startRegistry(60);
  const revoked = await openSession(registry, { id: "r", keyId: "key-revoked", userId: "u1", stream: true });
  const disabled = await openSession(registry, { id: "d", keyId: "key-2", userId: "user-disabled", stream: false });
  const bystander = await openSession(registry, { id: "b", keyId: "key-3", userId: "u3", stream: false });
  publishHubEvent({ type: "key_revoked", keyId: "key-revoked" });
  publishHubEvent({ type: "user_disabled", userId: "user-disabled" });
  await sleep(20);
  assert.equal(revoked.isClosed(), true);
  assert.equal(disabled.isClosed(), true);
  assert.equal(bystander.isClosed(), false);
  assert.deepEqual(registry.countByTransport(), { sse: 0, streamable: 1 });
});

test("catalog and permission changes send notifications/tools/list_changed to every session", async () => {
  const registry = startRegistry(60);
  const sessions = [await openSession(registry, { id: "x", keyId: "k", userId: "u", stream: false }), await openSession(registry, { id: "y", keyId: "k", userId: "u", stream: true })];
  const received = sessions.map(({ client }) => {
    let count = 0;
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      count += 1;
    });
    return () => count;
  });
  publishHubEvent({ type: "catalog_changed" });
  publishHubEvent({ type: "permissions_changed" });
  await sleep(20);
  assert.deepEqual(received.map((count) => count()), [2, 2]);
});

test("an upstream's own resources/prompts change reaches only sessions whose principal may see that server, asked once per key", async () => {
  const asked: string[] = [];
  const registry = startRegistry(60, async (principal, server) => {
    asked.push(`${principal.keyId}:${server}`);
    return principal.keyId === "k1" && server === "files";
  });
  const sessions = [
    await openSession(registry, { id: "p", keyId: "k1", userId: "u1", stream: false }),
    await openSession(registry, { id: "q", keyId: "k1", userId: "u1", stream: true }),
    await openSession(registry, { id: "r", keyId: "k2", userId: "u2", stream: false }),
  ];
  const received = sessions.map(({ client }) => {
    const seen = { resources: 0, prompts: 0 };
    client.setNotificationHandler(ResourceListChangedNotificationSchema, () => void (seen.resources += 1));
    client.setNotificationHandler(PromptListChangedNotificationSchema, () => void (seen.prompts += 1));
    return seen;
  });
  publishHubEvent({ type: "upstream_list_changed", server: "files", list: "resources" });
  publishHubEvent({ type: "upstream_list_changed", server: "files", list: "prompts" });
  publishHubEvent({ type: "upstream_list_changed", server: "memory", list: "prompts" });
  await sleep(30);
  assert.deepEqual(received, [{ resources: 1, prompts: 1 }, { resources: 1, prompts: 1 }, { resources: 0, prompts: 0 }]);
  assert.deepEqual(asked.sort(), ["k1:files", "k1:files", "k1:memory", "k2:files", "k2:files", "k2:memory"]);
});

test("without a visibility check no session hears an upstream's own list change", async () => {
  const registry = startRegistry(60);
  const { client } = await openSession(registry, { id: "s", keyId: "k", userId: "u", stream: false });
  let heard = 0;
  client.setNotificationHandler(ResourceListChangedNotificationSchema, () => void (heard += 1));
  publishHubEvent({ type: "upstream_list_changed", server: "files", list: "resources" });
  publishHubEvent({ type: "permissions_changed" });
  await sleep(20);
  assert.equal(heard, 1, "only the permission change, which concerns everyone");
});

test("idle sessions without a client stream expire after the TTL; sessions holding a stream stay", { timeout: 10_000 }, async () => {
  // TTL 0.5 s → the registry ticks every second (its floor).
  const registry = startRegistry(0.5);
  const idle = await openSession(registry, { id: "idle", keyId: "k", userId: "u", stream: false });
  const streamed = await openSession(registry, { id: "streamed", keyId: "k", userId: "u", stream: true });
  streamed.session.lastActivityAt = 0;
  await sleep(2_300);
  assert.equal(idle.isClosed(), true);
  assert.equal(streamed.isClosed(), false);
  assert.equal(registry.get("idle"), undefined);
  assert.ok(registry.get("streamed"));
});

test("at the per-key cap the key's least recently used idle session makes room; one with a call in flight never does", async () => {
  const registry = new SessionRegistry();
  registry.start({ ttlSeconds: 60, maxSessions: 10, maxSessionsPerKey: 2 });
  registries.push(registry);
  const oldest = await openSession(registry, { id: "k1-a", keyId: "k1", userId: "u1", stream: false });
  const newer = await openSession(registry, { id: "k1-b", keyId: "k1", userId: "u1", stream: false });
  oldest.session.lastActivityAt = Date.now() - 60_000;
  await openSession(registry, { id: "k1-c", keyId: "k1", userId: "u1", stream: false });
  assert.equal(registry.get("k1-a"), undefined, "the least recently used session was closed");
  assert.ok(registry.get("k1-b") && registry.get("k1-c"));
  // Both remaining sessions busy: nothing may be closed, the new session is refused.
  let finish!: () => void;
  const running = new Promise<void>((resolve) => (finish = resolve));
  const calls = [registry.trackCall(running, "k1-b"), registry.trackCall(running, "k1-c")];
  newer.session.lastActivityAt = 0;
  await assert.rejects(openSession(registry, { id: "k1-d", keyId: "k1", userId: "u1", stream: false }), sessionRefusal(/^This API key already has 2 open sessions \(the most allowed\), each with a call in flight/));
  finish();
  await Promise.all(calls);
  await openSession(registry, { id: "k1-d", keyId: "k1", userId: "u1", stream: false });
  assert.equal(registry.get("k1-b"), undefined, "once idle, the least recently used one made room");
});

test("refuses a session beyond the per-instance cap with 429 and Retry-After, and frees room on close", async () => {
  const registry = new SessionRegistry();
  registry.start({ ttlSeconds: 60, maxSessions: 4, maxSessionsPerKey: 2 });
  registries.push(registry);
  await openSession(registry, { id: "k1-a", keyId: "k1", userId: "u1", stream: false });
  await openSession(registry, { id: "k2-a", keyId: "k2", userId: "u2", stream: false });
  await openSession(registry, { id: "k3-a", keyId: "k3", userId: "u3", stream: false });
  await openSession(registry, { id: "k4-a", keyId: "k4", userId: "u4", stream: false });
  await assert.rejects(openSession(registry, { id: "k5-a", keyId: "k5", userId: "u5", stream: false }), sessionRefusal(/^The hub holds the most sessions it allows \(4\)/));
  await registry.close("k1-a");
  await openSession(registry, { id: "k5-a", keyId: "k5", userId: "u5", stream: false });
  assert.deepEqual(registry.countByTransport(), { sse: 0, streamable: 4 });
});

test("one person's keys together hold at most the per-user cap, and never more than half the hub", async () => {
  const registry = new SessionRegistry();
  registry.start({ ttlSeconds: 60, maxSessions: 10, maxSessionsPerKey: 4, maxSessionsPerUser: 3 });
  registries.push(registry);
  await openSession(registry, { id: "a1", keyId: "ka", userId: "u1", stream: false });
  await openSession(registry, { id: "a2", keyId: "ka", userId: "u1", stream: false });
  await openSession(registry, { id: "b1", keyId: "kb", userId: "u1", stream: false });
  await assert.rejects(openSession(registry, { id: "b2", keyId: "kb", userId: "u1", stream: false }), sessionRefusal(/^You already have 3 open sessions over all your keys/));
  // Someone else still gets in (the penetration test's admin was refused here).
  await openSession(registry, { id: "admin", keyId: "kadmin", userId: "u-admin", stream: false });
  await registry.close("a1");
  await openSession(registry, { id: "b2", keyId: "kb", userId: "u1", stream: false });

  const small = new SessionRegistry();
  small.start({ ttlSeconds: 60, maxSessions: 4, maxSessionsPerUser: 1_000 });
  registries.push(small);
  await openSession(small, { id: "s1", keyId: "k1", userId: "u1", stream: false });
  await openSession(small, { id: "s2", keyId: "k2", userId: "u1", stream: false });
  await assert.rejects(openSession(small, { id: "s3", keyId: "k3", userId: "u1", stream: false }), sessionRefusal(/^You already have 2 open sessions/));
});

function sessionRefusal(message: RegExp) {
  return (error: unknown) => error instanceof HubError && error.code === "rate_limited" && error.headers["Retry-After"] === "60" && message.test(error.message);
}
