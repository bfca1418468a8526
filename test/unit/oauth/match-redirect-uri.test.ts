import assert from "node:assert/strict";
import { test } from "node:test";
import { matchRedirectUri } from "@/lib/oauth/match-redirect-uri";

test("redirect URIs match exactly, except a loopback port", () => {
  const cases: Array<[string, string[], boolean]> = [
    ["https://app.example/cb", ["https://app.example/cb"], true],
    ["https://app.example/cb/", ["https://app.example/cb"], false],
    ["https://app.example/cb?x=1", ["https://app.example/cb"], false],
    ["https://APP.example/cb", ["https://app.example/cb"], false],
    ["https://app.example:8443/cb", ["https://app.example/cb"], false],
    ["http://127.0.0.1:51234/callback", ["http://127.0.0.1/callback"], true],
    ["http://127.0.0.1:51234/callback", ["http://127.0.0.1:3118/callback"], true],
    ["http://localhost:9/callback", ["http://localhost/callback"], true],
    ["http://[::1]:9/callback", ["http://[::1]/callback"], true],
    ["http://localhost:9/callback", ["http://127.0.0.1/callback"], false],
    ["http://127.0.0.1:9/other", ["http://127.0.0.1/callback"], false],
    ["https://127.0.0.1:9/callback", ["https://127.0.0.1/callback"], false],
    ["http://127.0.0.1.evil.example:9/callback", ["http://127.0.0.1/callback"], false],
    ["not a url", ["http://127.0.0.1/callback"], false],
  ];
  for (const [requested, registered, expected] of cases) assert.equal(matchRedirectUri(requested, registered), expected, `${requested} vs ${registered}`);
});
