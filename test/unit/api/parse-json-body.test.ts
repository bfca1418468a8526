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

/** A chunked request body (no Content-Length) of `chunks` × 64 KiB that counts how much was pulled from it. */
function streamedPost(chunks: number): { request: Request; pulledBytes: () => number } {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks * chunk.byteLength) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("http://hub.test/api/v1/keys", { method: "POST", body, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
  return { request, pulledBytes: () => pulled };
}

test("parseJsonBody: a chunked body over the cap is refused after reading just past the cap, not in full", async () => {
  // 64 MiB offered; a reader that buffers everything first would pull all of it.
  const { request, pulledBytes } = streamedPost(1024);
  await assert.rejects(parseJsonBody(request, schema), (error) => {
    assert.ok(error instanceof HubError);
    assert.deepEqual({ code: error.code, message: error.message, headers: error.headers }, { code: "payload_too_large", message: "Request body exceeds 1048576 bytes.", headers: { Connection: "close" } });
    return true;
  });
  assert.ok(pulledBytes() <= 1_048_576 + 4 * 64 * 1024, `pulled ${pulledBytes()} bytes`);
});

/** A chunked JSON POST (no Content-Length) of exactly these chunks. */
function chunkedPost(chunks: Uint8Array[]): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Request("http://hub.test/api/v1/keys", { method: "POST", body, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
}

test("parseJsonBody: a chunked body under the cap is read whole", async () => {
  const bytes = new TextEncoder().encode(JSON.stringify({ name: "streamed", tools: ["echo"] }));
  assert.deepEqual(await parseJsonBody(chunkedPost([bytes.subarray(0, 5), bytes.subarray(5)]), schema), { name: "streamed", tools: ["echo"] });
});

test("parseJsonBody: a chunked body of exactly the cap is accepted, one byte more is refused", async () => {
  const exact = new TextEncoder().encode(JSON.stringify({ name: "x".repeat(1_048_576 - 11) }));
  assert.equal(exact.byteLength, 1_048_576);
  assert.deepEqual(await parseJsonBody(chunkedPost([exact.subarray(0, 500_000), exact.subarray(500_000)]), schema), { name: "x".repeat(1_048_576 - 11), tools: [] });
  await assert.rejects(parseJsonBody(chunkedPost([exact, new TextEncoder().encode(" ")]), schema), (error) => error instanceof HubError && error.code === "payload_too_large");
});

test("parseJsonBody: a multi-byte character split across chunks is decoded intact", async () => {
  const bytes = new TextEncoder().encode(JSON.stringify({ name: "café ✓" }));
  const split = bytes.indexOf(0xc3) + 1;
  assert.deepEqual(await parseJsonBody(chunkedPost([bytes.subarray(0, split), bytes.subarray(split)]), schema), { name: "café ✓", tools: [] });
});
