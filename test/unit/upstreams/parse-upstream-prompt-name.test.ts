import assert from "node:assert/strict";
import { test } from "node:test";
import { parseUpstreamPromptName } from "@/lib/upstreams/parse-upstream-prompt-name";

test("parseUpstreamPromptName: the server ends at the first __, the prompt keeps any later ones", () => {
  assert.deepEqual(parseUpstreamPromptName("everything__simple-prompt"), { server: "everything", prompt: "simple-prompt" });
  assert.deepEqual(parseUpstreamPromptName("files-2__a__b"), { server: "files-2", prompt: "a__b" });
  assert.equal(parseUpstreamPromptName("__orphan"), null);
  assert.equal(parseUpstreamPromptName("plain"), null);
});
