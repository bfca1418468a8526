import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startApiTestEnvironment, type ApiTestEnvironment } from "@/test/integration/api/api-test-environment";
import { initializeMcp } from "./oauth-helpers";

let env: ApiTestEnvironment;

before(async () => {
  env = await startApiTestEnvironment({ SWITCHBOARD_OAUTH: "off", SWITCHBOARD_TRUST_PROXY: "true" });
});

after(async () => {
  await env?.stop();
});

test("SWITCHBOARD_OAUTH=off: every OAuth endpoint is gone and 401s name no resource metadata", async () => {
  const { url } = env.hub;
  for (const [method, path] of [
    ["GET", "/.well-known/oauth-authorization-server"],
    ["GET", "/.well-known/oauth-protected-resource"],
    ["GET", "/.well-known/oauth-protected-resource/mcp"],
    ["GET", "/oauth/authorize?client_id=x"],
    ["POST", "/oauth/token"],
    ["POST", "/oauth/register"],
    ["POST", "/oauth/revoke"],
  ]) {
    const response = await fetch(`${url}${path}`, { method, redirect: "manual" });
    assert.equal(response.status, 404, `${method} ${path}`);
    await response.body?.cancel();
  }
  const refused = await initializeMcp(url, undefined);
  assert.equal(refused.status, 401);
  assert.equal(refused.headers.get("www-authenticate"), 'Bearer realm="switchboard"');
  const jwtShaped = await initializeMcp(url, "Bearer aaaa.bbbb.cccc");
  assert.deepEqual(JSON.parse(jwtShaped.text).error.message.startsWith("Malformed API key"), true, "with OAuth off a JWT is judged as a key");
  assert.equal((await initializeMcp(url, `Bearer ${env.member.key}`)).status, 200, "API keys work as before");
});
