import assert from "node:assert/strict";
import { test } from "node:test";
import { describeConnectionFailure } from "@/lib/db/describe-connection-failure";

const URL = "postgresql://app:s3cret@db.internal:6543/switchboard";

const cases: Array<[string, unknown, string]> = [
  ["refused", { code: "ECONNREFUSED" }, "Cannot reach Postgres at db.internal:6543 (connection refused): start the server, fix DATABASE_URL, or unset DATABASE_URL to use the embedded database."],
  ["unknown host", { code: "ENOTFOUND" }, "Cannot resolve the Postgres host in DATABASE_URL (db.internal:6543): fix the host name, or unset DATABASE_URL to use the embedded database."],
  ["timeout", { code: "ETIMEDOUT" }, "Timed out connecting to Postgres at db.internal:6543: check the network/firewall, or unset DATABASE_URL to use the embedded database."],
  [
    "bad password",
    Object.assign(new Error('password authentication failed for user "app"'), { code: "28P01" }),
    'Postgres at db.internal:6543 refused user "app" (password authentication failed for user "app"): fix the user/password in DATABASE_URL.',
  ],
  ["missing database", { code: "3D000" }, 'Database "switchboard" does not exist on db.internal:6543: create it (createdb switchboard) or fix DATABASE_URL.'],
  ["anything else", new Error("first line\nsecond line"), "Cannot use Postgres at db.internal:6543: first line. Check DATABASE_URL."],
];

for (const [name, error, message] of cases) {
  test(`describeConnectionFailure: ${name}`, () => {
    const described = describeConnectionFailure(URL, error);
    assert.equal(described, message);
    assert.ok(!described.includes("s3cret"), "never the password");
  });
}

test("describeConnectionFailure defaults the port and survives an unparseable URL", () => {
  assert.match(describeConnectionFailure("postgresql://localhost/db", { code: "ECONNREFUSED" }), /at localhost:5432 /);
  assert.match(describeConnectionFailure("not a url", { code: "ECONNREFUSED" }), /\(unparseable DATABASE_URL\)/);
});
