import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseServerEditArgs } from "@/lib/cli/commands/parse-server-edit-args";
import { toConfigValueEdits } from "@/lib/cli/commands/to-config-value-edits";
import { readServerEditForm } from "@/lib/console/servers/read-server-edit-form";
import { readServerNameField } from "@/lib/console/servers/read-server-name-field";
import { applyConfigValueEdits } from "@/lib/upstreams/apply-config-value-edits";
import { upstreamServerEditSchema } from "@/lib/upstreams/upstream-server-edit-schema";

const STORED = [
  { name: "TOKEN", value: "stored-secret-1", secret: true },
  { name: "MODE", value: "demo", secret: false },
];

describe("applying an edited env/header list to the stored one", () => {
  test("keeps, replaces, removes, adds and re-flags entries", () => {
    const applied = applyConfigValueEdits("env", STORED, [{ name: "TOKEN" }, { name: "MODE", value: "live", secret: true }, { name: "NEW", value: "n" }]);
    assert.deepEqual(applied, {
      ok: true,
      values: [
        { name: "TOKEN", value: "stored-secret-1", secret: true },
        { name: "MODE", value: "live", secret: true },
        { name: "NEW", value: "n", secret: true },
      ],
    });
    assert.deepEqual(applyConfigValueEdits("env", STORED, undefined), { ok: true, values: STORED });
    assert.deepEqual(applyConfigValueEdits("env", STORED, []), { ok: true, values: [] });
    assert.deepEqual(applyConfigValueEdits("env", STORED, [{ name: "MODE", secret: true }]), { ok: true, values: [{ name: "MODE", value: "demo", secret: true }] });
    assert.deepEqual(applyConfigValueEdits("env", STORED, [{ name: "TOKEN", value: "typed-again", secret: false }]), { ok: true, values: [{ name: "TOKEN", value: "typed-again", secret: false }] });
  });

  const refused: Array<[string, Parameters<typeof applyConfigValueEdits>[2], string]> = [
    ["a name listed twice", [{ name: "MODE" }, { name: "MODE", value: "x" }], "env: MODE is listed twice"],
    ["keeping a value that is not stored", [{ name: "GHOST" }], "env: GHOST has no stored value to keep; give its value"],
    ["a secret made plain without its value", [{ name: "TOKEN", secret: false }], "env: TOKEN is secret: give its value again to make it plain (a secret is never shown back)"],
    ["the placeholder sent back as the value", [{ name: "TOKEN", value: "[secret]" }], 'env: TOKEN is "[secret]", the placeholder shown for a secret: omit value to keep the stored one'],
  ];
  for (const [label, edits, message] of refused) {
    test(`refuses ${label}, never echoing a value`, () => {
      const applied = applyConfigValueEdits("env", STORED, edits);
      assert.deepEqual(applied, { ok: false, message });
      assert.ok(!message.includes("stored-secret-1"));
    });
  }
});

describe("the edit schema", () => {
  test("refuses an empty edit, a rename and unbounded strings", () => {
    assert.equal(upstreamServerEditSchema.safeParse({}).error?.issues[0].message, "give at least one field to change");
    assert.equal(upstreamServerEditSchema.safeParse({ name: "other" }).success, true, "a rename on its own");
    assert.equal(upstreamServerEditSchema.safeParse({ name: "other", expectedVersion: "0123456789abcdef" }).success, true);
    assert.deepEqual(upstreamServerEditSchema.safeParse({ name: "other", timeoutMs: 5000 }).error?.issues.map((issue) => [issue.path.join("."), issue.message]), [["name", "rename the server on its own, then change its settings"]]);
    assert.match(upstreamServerEditSchema.safeParse({ name: "Other_1" }).error?.issues[0].message ?? "", /^must be 1-32 lowercase letters/);
    assert.deepEqual(upstreamServerEditSchema.safeParse({ colour: "blue" }).error?.issues.map((issue) => issue.message), ['Unrecognized key: "colour"']);
    assert.equal(upstreamServerEditSchema.safeParse({ command: "x".repeat(1025) }).success, false);
    assert.equal(upstreamServerEditSchema.safeParse({ env: [{ name: "A", value: "v".repeat(8193) }] }).success, false);
    assert.equal(upstreamServerEditSchema.safeParse({ headers: [{ name: "Bad Header", value: "v" }] }).success, false);
    assert.equal(upstreamServerEditSchema.safeParse({ cwd: null }).success, true);
  });
});

describe("server edit arguments", () => {
  test("flags map onto the edit, entries as set/unset changes", () => {
    assert.deepEqual(parseServerEditArgs(["files", "--arg", "-y", "--arg", "--flag", "--env", "TOKEN=a=b", "--plain-env", "MODE=x", "--unset-env", "OLD", "--unset-cwd", "--timeout", "30"]), {
      name: "files",
      edit: { args: ["-y", "--flag"], cwd: null, timeoutMs: 30_000 },
      env: { set: [{ name: "TOKEN", value: "a=b", secret: true }, { name: "MODE", value: "x", secret: false }], unset: ["OLD"] },
    });
    assert.deepEqual(parseServerEditArgs(["gh", "--url", "https://h/mcp", "--transport", "sse", "--header", "Authorization: Bearer x:y"]), {
      name: "gh",
      edit: { url: "https://h/mcp", transport: "sse" },
      headers: { set: [{ name: "Authorization", value: "Bearer x:y", secret: true }], unset: [] },
    });
    assert.deepEqual(parseServerEditArgs(["x", "--clear-args"]), { name: "x", edit: { args: [] } });
  });

  const refused: Array<[string[], string]> = [
    [["x"], "Nothing to change. Usage: sb server edit NAME"],
    [["x", "--header", "NoColon"], '--header needs the form "Name: value" (a header without a colon).'],
    [["x", "--env", "SECRETVALUE"], "--env needs the form K=V."],
    [["x", "--command", "c", "--url", "http://h"], "--command is for local servers and --url for remote ones: give one kind."],
    [["x", "--transport", "ws"], '--transport must be http (Streamable HTTP) or sse (legacy HTTP+SSE), got "ws".'],
    [["x", "--arg", "a", "--clear-args"], "Give --arg or --clear-args, not both."],
    [["x", "--env", "A=1", "--unset-env", "A"], "--unset-env A and a new value for it: give one."],
    [["x", "--name", "y"], "Unknown option '--name'"],
  ];
  for (const [args, message] of refused) {
    test(`refuses ${args.join(" ")}`, () => {
      assert.throws(() => parseServerEditArgs(args), (error: Error) => error.message.startsWith(message) && !error.message.includes("SECRETVALUE"));
    });
  }

  test("set/unset become the whole new list: stored entries kept without their values", () => {
    const stored = [{ name: "TOKEN", value: "[secret]", secret: true }, { name: "MODE", value: "demo", secret: false }, { name: "OLD", value: "[secret]", secret: true }];
    assert.deepEqual(toConfigValueEdits("env", "files", stored, { set: [{ name: "MODE", value: "live", secret: false }, { name: "NEW", value: "n", secret: true }], unset: ["OLD"] }), [
      { name: "TOKEN" },
      { name: "MODE", value: "live", secret: false },
      { name: "NEW", value: "n", secret: true },
    ]);
    assert.throws(() => toConfigValueEdits("env", "files", stored, { set: [], unset: ["GHOST"] }), { message: "--unset-env GHOST: server files has no env GHOST (it has: TOKEN, MODE, OLD)." });
  });
});

describe("the console's edit form", () => {
  const base = { server: "mem", kind: "stdio", command: "node", args: "server.js\n", cwd: "", "entry.0.name": "TOKEN", "entry.0.stored": "secret", "entry.0.value": "", "entry.0.secret": "on", "entry.1.name": "MODE", "entry.1.stored": "plain", "entry.1.value": "demo", timeoutSeconds: "60", maxConcurrency: "16" };

  test("a blank secret is kept, a plain value taken as shown, removals dropped, new lines added", () => {
    assert.deepEqual(readServerEditForm({ ...base, "entry.1.value": "live", addSecret: "NEW=n\n", addPlain: "" }), {
      ok: true,
      edit: { command: "node", args: ["server.js"], cwd: null, env: [{ name: "TOKEN", secret: true }, { name: "MODE", value: "live", secret: false }, { name: "NEW", value: "n", secret: true }], timeoutMs: 60_000, maxConcurrency: 16 },
    });
    const removed = readServerEditForm({ ...base, "entry.0.remove": "on", "entry.0.value": "ignored" });
    assert.ok(removed.ok);
    assert.deepEqual(removed.edit.env, [{ name: "MODE", value: "demo", secret: false }]);
    const replaced = readServerEditForm({ ...base, addSecret: "MODE=hidden" });
    assert.ok(replaced.ok);
    assert.deepEqual(replaced.edit.env, [{ name: "TOKEN", secret: true }, { name: "MODE", value: "hidden", secret: true }]);
  });

  test("a remote server's headers and transport", () => {
    const form = readServerEditForm({ server: "gh", kind: "remote", url: "https://h/mcp", transport: "sse", "entry.0.name": "Authorization", "entry.0.stored": "secret", "entry.0.value": "Bearer new", "entry.0.secret": "on" });
    assert.deepEqual(form, { ok: true, edit: { url: "https://h/mcp", transport: "sse", headers: [{ name: "Authorization", value: "Bearer new", secret: true }] } });
  });

  test("a switch of kind: the form posts the new kind's fields and only the entries added", () => {
    // A local server's form switched to "Remote URL" shows no stored entries, so none are posted.
    const toRemote = readServerEditForm({ server: "fs", kind: "remote", kindChoice: "remote", url: "https://h/mcp", transport: "http", addSecret: "Authorization: Bearer typed", addPlain: "" });
    assert.deepEqual(toRemote, { ok: true, edit: { url: "https://h/mcp", transport: "http", headers: [{ name: "Authorization", value: "Bearer typed", secret: true }] } });
    const toLocal = readServerEditForm({ server: "gh", kind: "stdio", kindChoice: "stdio", command: "node", args: "server.js", cwd: "", addPlain: "MODE=local" });
    assert.deepEqual(toLocal, { ok: true, edit: { command: "node", args: ["server.js"], cwd: null, env: [{ name: "MODE", value: "local", secret: false }] } });
  });

  test("names the field that is wrong", () => {
    assert.deepEqual(readServerEditForm({ ...base, addPlain: "NOEQUALS" }), { ok: false, message: "Check the highlighted fields.", fieldErrors: { addPlain: "Each line needs the form K=V." } });
    assert.deepEqual(readServerEditForm({ ...base, timeoutSeconds: "soon" }), { ok: false, message: "Check the highlighted fields.", fieldErrors: { timeoutSeconds: "Must be a whole number." } });
    const tooShort = readServerEditForm({ ...base, timeoutSeconds: "0" });
    assert.equal(tooShort.ok, false);
    assert.ok(!tooShort.ok && tooShort.fieldErrors.timeoutSeconds);
    const badUrl = readServerEditForm({ server: "gh", kind: "remote", url: "ftp://h", transport: "http" });
    assert.ok(!badUrl.ok && badUrl.fieldErrors.url?.startsWith("must be an http(s) URL"));
  });

  test("arguments left as loaded stay byte for byte (trailing spaces, blank ones); edited ones are read line by line", () => {
    const stored = ["--flag ", "", "server.js"];
    const loaded = { ...base, args: stored.join("\r\n"), argsLoaded: JSON.stringify(stored), timeoutSeconds: "90" };
    const untouched = readServerEditForm(loaded);
    assert.ok(untouched.ok);
    assert.equal(untouched.edit.args, undefined, "untouched arguments are not part of the edit");
    assert.equal(untouched.edit.timeoutMs, 90_000);
    const edited = readServerEditForm({ ...loaded, args: "--flag \r\n\r\nother.js" });
    assert.ok(edited.ok);
    assert.deepEqual(edited.edit.args, ["--flag", "other.js"]);
    const unreadable = readServerEditForm({ ...loaded, argsLoaded: "not json" });
    assert.ok(unreadable.ok);
    assert.deepEqual(unreadable.edit.args, ["--flag", "server.js"]);
  });

  test("the settings version the form was loaded with goes back with it", () => {
    const form = readServerEditForm({ ...base, expectedVersion: "0123456789abcdef" });
    assert.ok(form.ok);
    assert.equal(form.edit.expectedVersion, "0123456789abcdef");
    const unversioned = readServerEditForm(base);
    assert.ok(unversioned.ok && unversioned.edit.expectedVersion === undefined);
    const bad = readServerEditForm({ ...base, expectedVersion: "x".repeat(5000) });
    assert.ok(!bad.ok && bad.fieldErrors.expectedVersion && !JSON.stringify(bad).includes("xxxx"));
  });

  test("the server field: a possible name, else refused without echoing it", () => {
    assert.equal(readServerNameField("files-2"), "files-2");
    for (const value of ["x".repeat(5000), "Bad Name", "", null]) {
      assert.throws(() => readServerNameField(value), (error: Error) => error.message === "No such server (the form names none that can exist); reload the Servers page." && !error.message.includes("xx"));
    }
  });
});
