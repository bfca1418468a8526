import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ERROR_STATUS, HubError, type ErrorCode } from "@/lib/errors/hub-error";
import { toErrorReply, toErrorResponse } from "@/lib/errors/to-error-envelope";

describe("toErrorReply", () => {
  for (const [code, status] of Object.entries(ERROR_STATUS) as Array<[ErrorCode, number]>) {
    it(`maps ${code} to ${status} in the envelope`, () => {
      const reply = toErrorReply(new HubError(code, `message for ${code}`));
      assert.equal(reply.status, status);
      assert.deepEqual(reply.body, { error: { code, message: `message for ${code}` } });
    });
  }

  it("adds WWW-Authenticate to 401 and keeps extra headers", () => {
    assert.match(toErrorReply(new HubError("unauthorized", "no")).headers["WWW-Authenticate"], /^Bearer/);
    assert.equal(toErrorReply(new HubError("rate_limited", "slow down", { headers: { "Retry-After": "7" } })).headers["Retry-After"], "7");
  });

  it("never leaks the message or stack of an unexpected error", () => {
    const reply = toErrorReply(new Error('relation "User" does not exist at /srv/app.js:1'));
    assert.equal(reply.status, 500);
    assert.deepEqual(reply.body, { error: { code: "internal_error", message: "Internal error. The incident was logged." } });
    assert.doesNotMatch(JSON.stringify(reply), /relation|app\.js/);
  });

  it("builds a JSON Response", async () => {
    const response = toErrorResponse(new HubError("not_found", "No such key"));
    assert.equal(response.status, 404);
    assert.deepEqual(await response.json(), { error: { code: "not_found", message: "No such key" } });
  });
});
