import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseServerAddArgs } from "@/lib/cli/commands/parse-server-add-args";
import { readServerForm } from "@/lib/console/servers/read-server-form";
import { parseHubResourceUri, toHubResourceUri } from "@/lib/upstreams/upstream-resource-uri";

describe("server add arguments", () => {
  test("a stdio server with secret and plain variables", () => {
    assert.deepEqual(parseServerAddArgs(["files", "--command", "npx", "--arg", "-y", "--arg", "--flag", "--env", "TOKEN=a=b", "--plain-env", "MODE=demo", "--max-concurrency", "4"]), {
      name: "files",
      transport: "stdio",
      command: "npx",
      args: ["-y", "--flag"],
      env: [
        { name: "TOKEN", value: "a=b", secret: true },
        { name: "MODE", value: "demo", secret: false },
      ],
      maxConcurrency: 4,
    });
  });

  test("a remote server with headers, Streamable HTTP by default", () => {
    assert.deepEqual(parseServerAddArgs(["gh", "--url", "https://mcp.example.com/mcp", "--header", "Authorization: Bearer x:y", "--timeout", "30"]), {
      name: "gh",
      transport: "http",
      url: "https://mcp.example.com/mcp",
      headers: [{ name: "Authorization", value: "Bearer x:y", secret: true }],
      timeoutMs: 30_000,
    });
  });

  const refused: Array<[string[], string]> = [
    [["x"], "Give exactly one of --command (a local stdio server) or --url (a remote one)."],
    [["x", "--url", "http://h", "--header", "NoColon"], '--header needs the form "Name: value" (a header without a colon).'],
    [["x", "--command", "c", "--env", "SECRETVALUE"], "--env needs the form K=V."],
    [["x", "--command", "c", "--header", "A: b"], "--header is for remote servers (--url), not --command."],
    [["x", "--url", "http://h", "--transport", "ws"], '--transport must be http (Streamable HTTP) or sse (legacy HTTP+SSE), got "ws".'],
    [["x", "--url", "http://h", "--max-concurrency", "many"], '--max-concurrency takes a whole number, got "many".'],
  ];
  for (const [args, message] of refused) {
    test(`refuses ${args.join(" ")}`, () => {
      assert.throws(() => parseServerAddArgs(args), (error: Error) => error.message.startsWith(message));
    });
  }

  test("a secret entry is never echoed in the refusal", () => {
    assert.throws(() => parseServerAddArgs(["x", "--command", "c", "--env", "hunter2hunter2"]), (error: Error) => !error.message.includes("hunter2"));
  });
});

describe("the console's add-server form", () => {
  test("reads lines into the same registration as the CLI", () => {
    const form = readServerForm({ name: "mem", transport: "stdio", command: "node", args: "server.js\n\n--flag\n", env: "TOKEN=x\n", plainEnv: "MODE=demo" });
    assert.ok(form.ok);
    assert.deepEqual(form.spec, {
      name: "mem",
      transport: "stdio",
      command: "node",
      args: ["server.js", "--flag"],
      env: [
        { name: "TOKEN", value: "x", secret: true },
        { name: "MODE", value: "demo", secret: false },
      ],
      timeoutMs: 60_000,
      maxConcurrency: 64,
    });
  });

  test("names the field that is wrong", () => {
    assert.deepEqual(readServerForm({ name: "gh", transport: "http", url: "https://h/mcp", headers: "Authorization Bearer x" }), {
      ok: false,
      message: "Check the highlighted fields.",
      fieldErrors: { headers: 'Each line needs the form "Name: value" (a header without a colon).' },
    });
    const badName = readServerForm({ name: "Bad_Name", transport: "stdio", command: "node" });
    assert.equal(badName.ok, false);
    assert.match((badName as { fieldErrors: Record<string, string> }).fieldErrors.name, /lowercase letters, digits or hyphens/);
  });
});

describe("upstream resource URIs", () => {
  test("are namespaced per server and reversible", () => {
    const uri = toHubResourceUri("everything", "demo://resource/static/document/a b.md");
    assert.match(uri, /^sb-upstream:\/\/everything\//);
    assert.deepEqual(parseHubResourceUri(uri), { server: "everything", uri: "demo://resource/static/document/a b.md" });
    for (const other of ["demo://x", "sb-upstream://", "sb-upstream:///x", "sb-upstream://s/%E0%A4%A"]) assert.equal(parseHubResourceUri(other), null, other);
  });
});
