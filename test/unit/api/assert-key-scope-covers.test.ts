import assert from "node:assert/strict";
import { test } from "node:test";
import type { ApiCaller } from "@/lib/api/api-caller";
import { assertKeyScopeCovers } from "@/lib/api/assert-key-scope-covers";
import { HubError } from "@/lib/errors/hub-error";

const caller = (via: ApiCaller["via"], allowedTools: string[]): Pick<ApiCaller, "via" | "principal"> => ({
  via,
  principal: { userId: "u", email: "u@example.test", role: "member", keyId: "k", keyPrefix: "sb_x", allowedTools, rateLimitPolicy: null },
});

const CASES: { name: string; caller: Pick<ApiCaller, "via" | "principal">; tools: string[]; refusal: string | null }[] = [
  { name: "session, any tools", caller: caller("session", []), tools: [], refusal: null },
  { name: "unrestricted key, unrestricted new key", caller: caller("key", []), tools: [], refusal: null },
  { name: "narrow key, subset", caller: caller("key", ["echo", "read_note"]), tools: ["echo"], refusal: null },
  { name: "narrow key, same set", caller: caller("key", ["echo", "read_note"]), tools: ["read_note", "echo"], refusal: null },
  { name: "narrow key, unrestricted new key", caller: caller("key", ["echo"]), tools: [], refusal: "This API key is limited to echo; it cannot mint a key for (all tools)." },
  { name: "narrow key, wider set", caller: caller("key", ["echo"]), tools: ["echo", "read_file", "write_note"], refusal: "This API key is limited to echo; it cannot mint a key for read_file, write_note." },
];

for (const { name, caller: who, tools, refusal } of CASES) {
  test(`assertKeyScopeCovers: ${name}`, () => {
    if (refusal === null) {
      assert.doesNotThrow(() => assertKeyScopeCovers(who, tools));
      return;
    }
    assert.throws(() => assertKeyScopeCovers(who, tools), (error) => error instanceof HubError && error.code === "forbidden" && error.message === refusal);
  });
}
