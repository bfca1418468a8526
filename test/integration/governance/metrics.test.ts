import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import type { Principal } from "@/lib/api-keys/principal";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { recordToolCall } from "@/lib/call-log/record-tool-call";
import { HubError } from "@/lib/errors/hub-error";
import { toErrorReply } from "@/lib/errors/to-error-envelope";
import { authorizeMetricsRequest } from "@/lib/metrics/authorize-metrics-request";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { renderMetrics, setActiveSessionsSource } from "@/lib/metrics/render-metrics";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/policies";
import { recordRateLimitViolation } from "@/lib/rate-limit/record-rate-limit-violation";
import { createUser } from "@/lib/users/create-user";
import { createClientIpSource } from "@/test/helpers/fresh-client-ip";
import { useGovernanceDatabase } from "@/test/integration/governance/use-governance-database";

const METRICS_TOKEN = "metrics-token-for-tests-0123456789";
let adminSecret: string;
let memberSecret: string;
let limitedAdminSecret: string;

const principal: Principal = { userId: randomUUID(), email: "m@example.com", role: "member", keyId: randomUUID(), keyPrefix: "sb_metrics", allowedTools: [], rateLimitPolicy: null };

function sampleValue(body: string, line: string): number {
  const match = body.split("\n").find((l) => l.startsWith(`${line} `));
  return match ? Number(match.slice(line.length + 1)) : 0;
}

// Read by getEnv() on first use, which happens after this point.
process.env.SWITCHBOARD_METRICS_TOKEN = METRICS_TOKEN;
useGovernanceDatabase(async () => {
  const admin = await createUser({ email: "metrics-admin@example.com", role: "admin" });
  const member = await createUser({ email: "metrics-member@example.com", role: "member" });
  adminSecret = (await createApiKey({ userId: admin.id, name: "admin" })).secret;
  memberSecret = (await createApiKey({ userId: member.id, name: "member" })).secret;
  limitedAdminSecret = (await createApiKey({ userId: admin.id, name: "admin, echo only", allowedTools: ["echo"] })).secret;
});


describe("metrics", () => {
  it("move when recordToolCall is called (duration histogram, errors, requests by client and key)", async () => {
    const record = { at: new Date(), principal, sessionId: null, transport: "sse" as const, clientName: "claude-code", clientVersion: "2", toolVersion: "1", requestBytes: 10, resultBytes: 10 };
    const before = (await renderMetrics()).body;
    await recordToolCall({ ...record, toolName: "metric_tool", status: "ok", durationMs: 12, errorCode: null });
    await recordToolCall({ ...record, toolName: "metric_tool", status: "error", durationMs: 3, errorCode: "tool_timeout" });
    await recordToolCall({ ...record, toolName: "metric_tool", status: "denied", durationMs: 0.1, errorCode: null });
    const { contentType, body } = await renderMetrics();
    assert.match(contentType, /^text\/plain/);
    const delta = (line: string) => sampleValue(body, line) - sampleValue(before, line);
    assert.equal(delta('switchboard_tool_call_duration_seconds_count{tool="metric_tool",status="ok"}'), 1);
    assert.equal(delta('switchboard_tool_call_duration_seconds_bucket{le="0.025",tool="metric_tool",status="ok"}'), 1);
    assert.equal(delta('switchboard_tool_call_duration_seconds_bucket{le="0.01",tool="metric_tool",status="ok"}'), 0);
    assert.equal(delta('switchboard_tool_call_errors_total{tool="metric_tool",code="tool_timeout"}'), 1);
    assert.equal(delta('switchboard_tool_call_errors_total{tool="metric_tool",code="denied"}'), 1);
    assert.equal(delta('switchboard_requests_total{client="claude-code",key_prefix="sb_metrics"}'), 3);
    assert.equal(sampleValue(body, "switchboard_call_log_queue_depth") >= 0, true);
  });

  it("report rate-limit violations, active sessions and the call-log queue", async () => {
    const before = (await renderMetrics()).body;
    recordRateLimitViolation({ kind: "key", principal, decision: { allowed: false, limit: 1, remaining: 0, resetAt: Date.now(), retryAfterSeconds: 1, windowSeconds: 60 } });
    setActiveSessionsSource(() => ({ sse: 2, streamable: 5 }));
    const body = (await renderMetrics()).body;
    assert.equal(sampleValue(body, 'switchboard_rate_limit_violations_total{kind="key"}') - sampleValue(before, 'switchboard_rate_limit_violations_total{kind="key"}'), 1);
    assert.equal(sampleValue(body, 'switchboard_active_sessions{transport="sse"}'), 2);
    assert.equal(sampleValue(body, 'switchboard_active_sessions{transport="streamable"}'), 5);
    assert.ok(body.includes("# TYPE switchboard_call_log_queue_depth gauge"));
    assert.ok(body.includes("# TYPE switchboard_rate_limit_backend_failures_total counter"));
  });

  it("is one registry per process (shared through globalThis)", () => {
    assert.equal(getMetrics(), (globalThis as unknown as { switchboardMetrics: unknown }).switchboardMetrics);
  });
});

const runIp = createClientIpSource();

describe("authorizeMetricsRequest", () => {
  it("accepts the metrics token and an admin's API key", async () => {
    await authorizeMetricsRequest(`Bearer ${METRICS_TOKEN}`, runIp());
    await authorizeMetricsRequest(`Bearer ${adminSecret}`, runIp());
  });

  const refusals: { name: string; header: () => string | null; status: number; code: string; message?: string }[] = [
    { name: "no header", header: () => null, status: 401, code: "unauthorized", message: "Metrics require Authorization: Bearer <metrics token or admin API key>" },
    { name: "not a bearer", header: () => `Basic ${METRICS_TOKEN}`, status: 401, code: "unauthorized", message: "Metrics require Authorization: Bearer <metrics token or admin API key>" },
    { name: "wrong token", header: () => "Bearer metrics-token-for-tests-0123456780", status: 401, code: "unauthorized" },
    { name: "a member's key", header: () => `Bearer ${memberSecret}`, status: 403, code: "forbidden", message: "Metrics are available to admins only (with a key not limited to specific tools)" },
    { name: "an admin's key limited to some tools", header: () => `Bearer ${limitedAdminSecret}`, status: 403, code: "forbidden", message: "Metrics are available to admins only (with a key not limited to specific tools)" },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name}`, async () => {
      const error = await authorizeMetricsRequest(refusal.header(), runIp()).then(() => null, (err: unknown) => err);
      const reply = toErrorReply(error);
      assert.equal(reply.status, refusal.status);
      const body = reply.body as { error: { code: string; message: string } };
      assert.equal(body.error.code, refusal.code);
      if (refusal.message) assert.equal(body.error.message, refusal.message);
      if (refusal.status === 401) assert.match(reply.headers["WWW-Authenticate"], /^Bearer/);
    });
  }

  it("counts wrong tokens against the IP's failed-authentication budget, then refuses even the right one", async () => {
    const ip = runIp();
    const budget = RATE_LIMIT_POLICIES.authFailures.limit;
    for (let attempt = 0; attempt < budget; attempt++) {
      await assert.rejects(authorizeMetricsRequest(`Bearer guess-${attempt}-0123456789abcdef`, ip), (error: unknown) => error instanceof HubError && error.code === "unauthorized");
    }
    await assert.rejects(authorizeMetricsRequest(`Bearer ${METRICS_TOKEN}`, ip), (error: unknown) => error instanceof HubError && error.code === "rate_limited");
    await authorizeMetricsRequest(`Bearer ${METRICS_TOKEN}`, runIp());
  });
});
