import type pg from "pg";

/** Shape of the synthetic history: a month of traffic from a mid-sized team. */
export const SEED_SHAPE = {
  tools: ["echo", "read_file", "list_directory", "search_text", "write_note", "read_note", "search_notes", "run_tests", "run_tests_v2", "deploy_preview"],
  users: 50,
  keysPerUser: 2,
  days: 30,
  clients: ["claude-code", "cursor", "mcp-inspector", "custom-agent"],
} as const;

/**
 * Inserts `count` call logs spread over the last SEED_SHAPE.days days in one set-based statement
 * (seconds, not minutes). Latencies are log-normal-ish per tool, ~3% errors, ~1% denied, ~1%
 * rate limited. Returns the user ids so member-scoped queries can be timed.
 */
export async function seedCallLogs(client: pg.Client, count: number): Promise<{ userIds: string[] }> {
  const userIds = Array.from({ length: SEED_SHAPE.users }, (_, index) => `00000000-0000-4000-8000-${String(index + 1).padStart(12, "0")}`);
  await client.query(
    `INSERT INTO "CallLog" ("at", "userId", "apiKeyId", "keyPrefix", "sessionId", "transport", "clientName", "clientVersion",
                            "toolName", "toolVersion", "status", "durationMs", "requestBytes", "resultBytes", "errorCode")
     SELECT now() - (random() * $2::int * interval '1 day'),
            ($3::uuid[])[u],
            ('00000000-0000-4000-9000-' || lpad((u * 10 + k)::text, 12, '0'))::uuid,
            'sb_seed' || lpad((u * 10 + k)::text, 5, '0'),
            'seed.' || (g % 5000),
            CASE WHEN g % 3 = 0 THEN 'sse' ELSE 'streamable' END,
            ($4::text[])[1 + g % array_length($4::text[], 1)],
            '1.0.0',
            ($5::text[])[t],
            '1.0.0',
            (CASE WHEN r < 0.95 THEN 'ok' WHEN r < 0.98 THEN 'error' WHEN r < 0.99 THEN 'denied' ELSE 'rate_limited' END)::"CallStatus",
            exp(ln(2 + t * 3) + random() * 1.5),
            100 + (random() * 2000)::int,
            200 + (random() * 20000)::int,
            CASE WHEN r >= 0.95 AND r < 0.98 THEN 'tool_failed' ELSE NULL END
     FROM (
       SELECT g,
              1 + (random() * ($6::int - 1))::int AS u,
              1 + (random() * ($7::int - 1))::int AS k,
              1 + (random() * (array_length($5::text[], 1) - 1))::int AS t,
              random() AS r
       FROM generate_series(1, $1::int) AS g
     ) AS draw`,
    [count, SEED_SHAPE.days, userIds, SEED_SHAPE.clients, SEED_SHAPE.tools, SEED_SHAPE.users, SEED_SHAPE.keysPerUser],
  );
  await client.query(`ANALYZE "CallLog"`);
  return { userIds };
}
