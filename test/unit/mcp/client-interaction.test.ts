// The ClientInteraction contract for tools that need the client's input: refused without the
// capability (in every era), and on 2026-07-28 the multi round-trip: InputRequired on the first
// call, the client's answers on the retry.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { HubError } from "@/lib/errors/hub-error";
import { assertClientCapable, InputRequired, type InputRequests } from "@/mcp/pipeline/client-interaction";
import { createStatelessInteraction } from "@/mcp/stateless/create-stateless-interaction";

const ASK: InputRequests = {
  github_login: { method: "elicitation/create", params: { mode: "form", message: "GitHub user?", requestedSchema: { type: "object", properties: { name: { type: "string" } } } } },
  summary: { method: "sampling/createMessage", params: { messages: [], maxTokens: 10 } },
};

describe("assertClientCapable", () => {
  test("passes when every needed capability is declared", () => {
    assert.doesNotThrow(() => assertClientCapable({ elicitation: {}, sampling: {} }, ASK));
  });
  test("names the missing capabilities", () => {
    assert.throws(
      () => assertClientCapable({ elicitation: {} }, ASK),
      (error: unknown) => error instanceof HubError && error.code === "invalid_request" && error.message === "This tool needs input your client cannot provide: it did not declare the sampling capability.",
    );
    assert.throws(() => assertClientCapable({}, ASK), /did not declare the elicitation and sampling capabilities\.$/);
  });
  test("refuses a method that is no input request", () => {
    assert.throws(() => assertClientCapable({ roots: {} }, { x: { method: "tools/call" as never } }), /Unsupported input request tools\/call/);
  });
});

describe("createStatelessInteraction (2026-07-28)", () => {
  const capabilities = { elicitation: {}, sampling: {} };

  test("a first call throws InputRequired with the requests and the tool's requestState", async () => {
    const interaction = createStatelessInteraction({ params: { name: "t" }, clientCapabilities: capabilities });
    assert.equal(interaction.inputResponses, undefined);
    await assert.rejects(interaction.request(ASK, { requestState: "state-1" }), (error: unknown) => {
      assert.ok(error instanceof InputRequired);
      assert.deepEqual(error.inputRequests, ASK);
      assert.equal(error.requestState, "state-1");
      return true;
    });
  });

  test("the retry with every answer resolves with them; the echoed requestState is readable", async () => {
    const inputResponses = { github_login: { action: "accept", content: { name: "octocat" } }, summary: { role: "assistant", content: { type: "text", text: "ok" }, model: "m" } };
    const interaction = createStatelessInteraction({ params: { name: "t", inputResponses, requestState: "state-1" }, clientCapabilities: capabilities });
    assert.equal(interaction.requestState, "state-1");
    assert.deepEqual(await interaction.request(ASK), inputResponses);
  });

  test("a retry missing an answer asks again", async () => {
    const interaction = createStatelessInteraction({ params: { inputResponses: { github_login: { action: "decline" } } }, clientCapabilities: capabilities });
    await assert.rejects(interaction.request(ASK), InputRequired);
  });

  test("a client without the capability is refused, not asked", async () => {
    const interaction = createStatelessInteraction({ params: {}, clientCapabilities: {} });
    await assert.rejects(interaction.request(ASK), HubError);
  });
});
