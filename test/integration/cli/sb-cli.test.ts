import assert from "node:assert/strict";
import { test } from "node:test";
import { parseApiKey } from "@/lib/api-keys/parse-api-key";
import { resolvePrincipal } from "@/lib/api-keys/resolve-principal";
import { getPrisma } from "@/lib/db/prisma";
import { useTestDatabase } from "@/test/helpers/use-test-database";
import { runSb, type SbResult } from "@/test/integration/cli/run-sb";

const database = useTestDatabase();
const sb = (...args: string[]) => runSb(args, { DATABASE_URL: database.url });

function assertOneLineFailure(result: SbResult, code: number, message: string): void {
  assert.equal(result.code, code, result.stderr);
  assert.equal(result.stdout, "");
  assert.ok(!/\n\s+at /.test(result.stderr), `no stack trace in: ${result.stderr}`);
  assert.ok(result.stderr.split("\n").includes(`sb: ${message}`), `stderr was: ${result.stderr}`);
}

test("user create, then key create prints only the key, which authenticates", async () => {
  const user = await sb("user", "create", "--email", "Ops@Example.com", "--password", "a-long-password", "--role", "member");
  assert.equal(user.code, 0, user.stderr);
  assert.match(user.stdout, /^[0-9a-f-]{36}\n$/);
  assert.match(user.stderr, /Created admin ops@example.com/);

  const created = await sb("key", "create", "--email", "ops@example.com", "--name", "ci", "--tools", "read_file,search_notes", "--rate-limit", "60/1m", "--expires", "30d");
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stdout, /^sb_[0-9A-Za-z]{38}\n$/, "stdout is exactly the key and a newline");
  const secret = created.stdout.trim();
  assert.equal(parseApiKey(secret).ok, true);
  const principal = await resolvePrincipal(secret);
  assert.equal(principal.email, "ops@example.com");
  assert.deepEqual(principal.allowedTools, ["read_file", "search_notes"]);
  assert.equal(principal.rateLimitPolicy, "60/1m");
  const stored = await getPrisma().apiKey.findUniqueOrThrow({ where: { id: principal.keyId } });
  const days = (stored.expiresAt!.getTime() - Date.now()) / 86_400_000;
  assert.ok(days > 29.9 && days <= 30, `expires in ${days} days`);

  const listed = await sb("key", "list", "--email", "OPS@example.com");
  assert.equal(listed.code, 0, listed.stderr);
  const lines = listed.stdout.trimEnd().split("\n");
  assert.match(lines[0], /^PREFIX\s+NAME\s+STATUS\s+TOOLS\s+RATE LIMIT\s+MINTED BY\s+EXPIRES\s+LAST USED\s+CREATED$/);
  assert.match(lines[1], new RegExp(`^${secret.slice(0, 12)}\\s+ci\\s+active\\s+read_file,search_notes\\s+60/1m\\s+-\\s`));
  assert.ok(!listed.stdout.includes(secret.slice(12)), "the list never shows the secret");

  const revoked = await sb("key", "revoke", "--prefix", secret.slice(0, 12));
  assert.equal(revoked.code, 0, revoked.stderr);
  assert.equal(revoked.stdout, "");
  // The list runs while this process's cache entry expires (no event reaches it across processes).
  const [listedAfter] = await Promise.all([sb("key", "list", "--email", "ops@example.com"), new Promise((resolve) => setTimeout(resolve, 5_100))]);
  await assert.rejects(resolvePrincipal(secret), { message: "API key revoked: create a new key." });
  assert.match(listedAfter.stdout, /revoked/);
});

test("usage errors exit 2 with one line", async (t) => {
  const cases: Array<[string[], string]> = [
    [["key", "create", "--email", "ops@example.com"], "Missing --name. Usage: sb key create --email E --name N [--tools a,b] [--rate-limit 60/1m] [--expires 30d]"],
    [["key", "create", "--email", "ops@example.com", "--name", "x", "--expires", "soon"], 'Invalid expiry "soon": expected a positive duration such as 30d, 12h, 90m or 2w. Usage: sb key create --email E --name N [--tools a,b] [--rate-limit 60/1m] [--expires 30d]'],
    [["key", "create", "--email", "ops@example.com", "--name", "x", "--rate-limit", "fast"], 'Invalid rate limit "fast": expected <calls>/<window>, e.g. 60/1m, 600/1m, 10/30s, 1000/1h. Usage: sb key create --email E --name N [--tools a,b] [--rate-limit 60/1m] [--expires 30d]'],
    [["user", "create", "--email", "x@example.com", "--password", "p", "--bogus"], "Unknown option '--bogus'. Usage: sb user create --email E --password P [--role admin|member]"],
    [["tool", "grant", "read_file"], "Give exactly one of --role or --email. Usage: sb tool grant NAME (--role R | --email E)"],
    [["tool", "deprecate", "read_file", "--sunset", "next week"], 'Invalid --sunset "next week": expected YYYY-MM-DD. Usage: sb tool deprecate NAME [--replacement R] [--sunset YYYY-MM-DD] [--message M]'],
  ];
  // An unreachable database proves arguments are checked before the database is opened.
  const unreachable = { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" };
  // The CLI takes seconds to start on a busy machine: every case runs side by side, each is checked in its own subtest.
  const results = cases.map(([args]) => runSb(args, unreachable));
  const unknownCommand = sb("frobnicate");
  for (const [index, [args, message]] of cases.entries()) {
    await t.test(args.join(" "), async () => assertOneLineFailure(await results[index], 2, message));
  }
  await t.test("unknown command", async () => {
    const result = await unknownCommand;
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^sb: unknown command "frobnicate"\nusage: npm run -s sb -- <command>/);
  });
});

test("failures exit 1 with one line and no stack trace", async (t) => {
  const cases: Array<[string[], Record<string, string>, string]> = [
    [["key", "list", "--email", "nobody@example.com"], {}, "No user with email nobody@example.com"],
    [["key", "revoke", "--prefix", "sb_000000000"], {}, "API key sb_000000000 not found"],
    [["user", "create", "--email", "short@example.com", "--password", "short"], {}, "Password must be at least 12 characters"],
    [["user", "create", "--email", "weak@example.com", "--password", "password1234"], {}, "Password is too easy to guess: This is similar to a commonly used password. Add more words that are less common."],
    [["tool", "grant", "no_such_tool", "--role", "member"], {}, "Tool no_such_tool not found"],
    [["tool", "deprecate", "read_file", "--sunset", "2026-01-01"], {}, "The sunset 1 Jan 2026, 00:00 UTC is not in the future: pick a later date, or disable it to withdraw it now."],
    [
      ["migrate"],
      { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" },
      "Cannot reach Postgres at 127.0.0.1:1 (connection refused): start the server, fix DATABASE_URL, or unset DATABASE_URL to use the embedded database.",
    ],
  ];
  // Side by side, as above: none of them changes the database.
  const results = cases.map(([args, env]) => runSb(args, { DATABASE_URL: database.url, ...env }));
  for (const [index, [args, , message]] of cases.entries()) {
    await t.test(args.join(" "), async () => assertOneLineFailure(await results[index], 1, message));
  }
});

test("migrate is idempotent", async () => {
  const result = await sb("migrate");
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, "");
  assert.match(result.stderr, /Database is up to date/);
});
