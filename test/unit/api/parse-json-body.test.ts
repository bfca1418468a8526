import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { HubError } from "@/lib/errors/hub-error";

const schema = z.strictObject({ name: z.string().min(1), tools: z.array(z.string()).default([]) });

function post(body: string, contentType: string | null = "application/json", headers: Record<string, string> = {}): Request {
  return new Request("http://hub.test/api/v1/keys", { method: "POST", body, headers: { ...(contentType ? { "content-type": contentType } : {}), ...headers } });
}

test("parseJsonBody: valid JSON is parsed and defaults applied", async () => {
  assert.deepEqual(await parseJsonBody(post('{"name":"laptop"}'), schema), { name: "laptop", tools: [] });
  assert.deepEqual(await parseJsonBody(post('{"name":"x"}', "application/json; charset=utf-8"), schema), { name: "x", tools: [] });
  assert.deepEqual(await parseJsonBody(post('{"name":"x"}', "application/merge-patch+json"), schema), { name: "x", tools: [] });
});

const REFUSALS: { name: string; request: () => Request; code: string; message: string }[] = [
  { name: "no content type", request: () => post('{"name":"x"}', null), code: "invalid_request", message: "Send the request body as JSON with Content-Type: application/json." },
  { name: "form content type", request: () => post("name=x", "application/x-www-form-urlencoded"), code: "invalid_request", message: "Send the request body as JSON with Content-Type: application/json." },
  { name: "broken JSON", request: () => post('{"name":'), code: "invalid_request", message: "Request body is not valid JSON." },
  { name: "empty body", request: () => post(""), code: "invalid_request", message: "Request body is not valid JSON." },
  { name: "declared too large", request: () => post('{"name":"x"}', "application/json", { "content-length": "2000000" }), code: "payload_too_large", message: "Request body exceeds 1048576 bytes." },
  { name: "actually too large", request: () => post(JSON.stringify({ name: "x".repeat(1_048_577) })), code: "payload_too_large", message: "Request body exceeds 1048576 bytes." },
  { name: "wrong shape", request: () => post('{"name":"","tools":[1]}'), code: "validation_failed", message: "Invalid request body: name: Too small: expected string to have >=1 characters; tools.0: Invalid input: expected string, received number" },
  { name: "unknown field", request: () => post('{"name":"x","admin":true}'), code: "validation_failed", message: 'Invalid request body: Unrecognized key: "admin"' },
  { name: "JSON that is not an object", request: () => post("[]"), code: "validation_failed", message: "Invalid request body: Invalid input: expected object, received array" },
];

for (const refusal of REFUSALS) {
  test(`parseJsonBody: ${refusal.name} → ${refusal.code}`, async () => {
    await assert.rejects(parseJsonBody(refusal.request(), schema), (error) => {
      assert.ok(error instanceof HubError);
      assert.deepEqual({ code: error.code, message: error.message }, { code: refusal.code, message: refusal.message });
      return true;
    });
  });
}
