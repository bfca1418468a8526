// Approving a held change approves the version the admin reviewed, not whatever is held when the
// approval arrives: the tests' own upstream redefines a tool twice after `sb server show` (or
// GET /api/v1/servers/NAME) gave its fingerprint, and the approval with that fingerprint is refused
// (exit 1 / 409) with nothing approved. Real hub (console build, for the API), real CLI.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { getPrisma } from "@/lib/db/prisma";
import { eventually } from "@/test/helpers/eventually";
import { startApiTestEnvironment, type ApiTestEnvironment } from "@/test/integration/api/api-test-environment";
import { serverAdminCalls } from "@/test/integration/federation/server-admin-calls";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const FIXTURE = path.join(import.meta.dirname, "changing-upstream.ts");
const SECRET_KEY = "approve-reviewed-test-secret-key-0123456789abcdef";
const CHANGED_AGAIN = "Tool fixture__greet changed again since you looked; review it again.";

let env: ApiTestEnvironment;
let folder: string;
let definitions: string;

const { api, sb } = serverAdminCalls(() => env, SECRET_KEY);
const greet = (description: string) => ({ name: "greet", description, inputSchema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] } });

/** The held version of fixture__greet as the API shows it; undefined when nothing is held. */
async function heldGreet(): Promise<{ fingerprint: string; description: string } | undefined> {
  const shown = await api("GET", "/api/v1/servers/fixture");
  assert.equal(shown.status, 200, JSON.stringify(shown.body));
  const change = shown.body.server.tools.find((tool: { name: string }) => tool.name === "fixture__greet")?.change;
  return change ? { fingerprint: change.fingerprint, description: change.after.description } : undefined;
}

/** Redefines greet upstream and waits until the hub holds that definition; resolves its fingerprint. */
async function redefineGreet(description: string): Promise<string> {
  writeFileSync(definitions, JSON.stringify({ tools: [greet(description)] }));
  await eventually(`the hub to hold "${description}"`, async () => (await heldGreet())?.description === description);
  const held = await heldGreet();
  assert.ok(held);
  return held.fingerprint;
}

/** The description clients are served (the approved definition's). */
const servedDescription = async () => (await getPrisma().tool.findUniqueOrThrow({ where: { name: "fixture__greet" } })).description;

/** The short fingerprint `server show` prints for greet, checked against the approve line it suggests. */
async function shownFingerprint(): Promise<string> {
  const show = await sb("server", "show", "fixture");
  assert.equal(show.code, 0, show.stderr);
  const fingerprint = /^ {2}fingerprint: ([0-9a-f]{16})$/m.exec(show.stdout)?.[1];
  assert.ok(fingerprint, show.stdout);
  assert.match(show.stdout, new RegExp(`approve: npm run -s sb -- server approve fixture --tool greet --fingerprint ${fingerprint}$`, "m"));
  return fingerprint;
}

before(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), "sb-approve-reviewed-"));
  definitions = path.join(folder, "tools.json");
  writeFileSync(definitions, JSON.stringify({ tools: [greet("Greets someone.")] }));
  env = await startApiTestEnvironment({ SWITCHBOARD_SECRET_KEY: SECRET_KEY });
  const added = await api("POST", "/api/v1/servers", { json: { name: "fixture", transport: "stdio", command: process.execPath, args: ["--import", "tsx", FIXTURE, definitions], cwd: ROOT } });
  assert.equal(added.status, 201, JSON.stringify(added.body));
});

after(async () => {
  await env?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe("sb server approve --fingerprint", () => {
  test("the version server show printed, redefined twice since, is not approved; the one shown next is", async () => {
    const reviewedFull = await redefineGreet("Greets someone. v2");
    const reviewed = await shownFingerprint();
    assert.equal(reviewed, reviewedFull.slice(0, 16));
    await redefineGreet("Greets someone. v3");
    const latest = await redefineGreet("Greets someone. v4, and mails the conversation out.");

    const refused = await sb("server", "approve", "fixture", "--tool", "greet", "--fingerprint", reviewed);
    assert.equal(refused.code, 1, refused.stderr);
    assert.deepEqual(refused.stderr.trim().split("\n").filter((line) => line.startsWith("sb:")), [`sb: ${CHANGED_AGAIN}`]);
    assert.equal(refused.stdout, "");
    assert.equal(await servedDescription(), "Greets someone.", "nothing was approved");
    assert.equal((await heldGreet())?.fingerprint, latest, "the newest version is still held for review");

    const again = await shownFingerprint();
    assert.equal(again, latest.slice(0, 16));
    const approved = await sb("server", "approve", "fixture", "--tool", "greet", "--fingerprint", again);
    assert.equal(approved.code, 0, approved.stderr);
    assert.equal(approved.stdout.trim(), "fixture__greet");
    assert.match(approved.stderr, /Approved 1 tool definition\(s\), the version\(s\) you reviewed/);
    assert.equal(await servedDescription(), "Greets someone. v4, and mails the conversation out.");
    assert.equal(await heldGreet(), undefined);
  });

  test("without --fingerprint, what is held when it runs is approved, and stderr says which version that was", async () => {
    const held = await redefineGreet("Greets someone. v5");
    const approved = await sb("server", "approve", "fixture", "--tool", "greet");
    assert.equal(approved.code, 0, approved.stderr);
    assert.equal(approved.stdout.trim(), "fixture__greet");
    assert.match(approved.stderr, /Approved 1 tool definition\(s\) as held when this ran \(without --fingerprint, not necessarily the versions server show printed\):/);
    assert.match(approved.stderr, new RegExp(`^ {2}fixture__greet {2}fingerprint ${held.slice(0, 16)}$`, "m"));
    assert.equal(await servedDescription(), "Greets someone. v5");
  });

  test("--fingerprint without --tool is a usage error", async () => {
    const result = await sb("server", "approve", "fixture", "--fingerprint", "0123456789abcdef");
    assert.equal(result.code, 2);
    assert.match(result.stderr.trim().split("\n").at(-1) ?? "", /^sb: --fingerprint names one tool's held version: give --tool too\. Usage: sb server approve NAME/);
  });
});

describe("POST /api/v1/servers/{name}/approve with a fingerprint", () => {
  test("the version GET showed, redefined twice since, answers 409 and approves nothing; the latest one (short form) is approved", async () => {
    const reviewed = await redefineGreet("Greets someone. v6");
    await redefineGreet("Greets someone. v7");
    const latest = await redefineGreet("Greets someone. v8");

    const refused = await api("POST", "/api/v1/servers/fixture/approve", { json: { tool: "greet", fingerprint: reviewed } });
    assert.deepEqual({ status: refused.status, body: refused.body }, { status: 409, body: { error: { code: "conflict", message: CHANGED_AGAIN } } });
    assert.equal(await servedDescription(), "Greets someone. v5");
    assert.equal((await heldGreet())?.fingerprint, latest);

    const approved = await api("POST", "/api/v1/servers/fixture/approve", { json: { tool: "fixture__greet", fingerprint: latest.slice(0, 16) } });
    assert.deepEqual({ status: approved.status, body: approved.body }, { status: 200, body: { approved: ["fixture__greet"] } });
    assert.equal(await servedDescription(), "Greets someone. v8");
  });

  const invalid: Array<[string, unknown, string]> = [
    ["a fingerprint that is not hex", { tool: "greet", fingerprint: "not-a-fingerprint-at-all" }, "fingerprint: must be the fingerprint shown with the held change (16 to 64 lowercase hex digits)"],
    ["a fingerprint too short to name one version", { tool: "greet", fingerprint: "0123abcd" }, "fingerprint: must be the fingerprint shown with the held change (16 to 64 lowercase hex digits)"],
    ["a fingerprint longer than any", { tool: "greet", fingerprint: "a".repeat(65) }, "fingerprint: must be the fingerprint shown with the held change (16 to 64 lowercase hex digits)"],
    ["a fingerprint without a tool", { fingerprint: "0123456789abcdef" }, "fingerprint: names one tool's held version: give tool too"],
  ];
  test("malformed fingerprints are refused in the envelope, naming the field", async () => {
    for (const [label, json, message] of invalid) {
      const reply = await api("POST", "/api/v1/servers/fixture/approve", { json });
      assert.deepEqual({ status: reply.status, body: reply.body }, { status: 422, body: { error: { code: "validation_failed", message: `Invalid request body: ${message}` } } }, label);
    }
  });
});
