import assert from "node:assert/strict";
import { test } from "node:test";
import { parseClientMetadata } from "@/lib/oauth/parse-client-metadata";

test("client metadata: accepted shapes", () => {
  const parsed = parseClientMetadata({ client_name: "Claude\u0007 Code", redirect_uris: ["http://localhost/callback", "https://app.example/cb", "com.example.app:/cb"], client_uri: "https://app.example" }, "fallback");
  assert.deepEqual(parsed, { ok: true, metadata: { name: "Claude  Code", clientUri: "https://app.example", redirectUris: ["http://localhost/callback", "https://app.example/cb", "com.example.app:/cb"] } });
  assert.deepEqual(parseClientMetadata({ redirect_uris: ["https://a.example/cb", "https://a.example/cb"] }, "a.example"), { ok: true, metadata: { name: "a.example", clientUri: null, redirectUris: ["https://a.example/cb"] } });
});

test("client metadata: refusals say what to change", () => {
  const cases: Array<[unknown, string]> = [
    [null, "client metadata must be a JSON object"],
    [{ redirect_uris: "https://a.example/cb" }, "redirect_uris must list 1 to 10 redirect URIs"],
    [{ redirect_uris: Array.from({ length: 11 }, (_, i) => `https://a.example/${i}`) }, "redirect_uris must list 1 to 10 redirect URIs"],
    [{ redirect_uris: ["https://a.example/cb#frag"] }, "redirect URI https://a.example/cb#frag must not have a fragment"],
    [{ redirect_uris: ["data:text/html,hi"] }, "redirect URI data:text/html,hi uses a scheme that cannot receive a code"],
    [{ redirect_uris: ["http://192.168.1.2/cb"] }, "redirect URI http://192.168.1.2/cb must use https (plain http only on 127.0.0.1, [::1] or localhost)"],
    [{ redirect_uris: ["/relative"] }, 'redirect URI "/relative" is not an absolute URI'],
    [{ redirect_uris: ["https://a.example/cb"], grant_types: ["client_credentials"] }, "grant_types may only include authorization_code and refresh_token (at most 5 entries)"],
    [{ redirect_uris: ["https://a.example/cb"], grant_types: Array.from({ length: 6 }, () => "refresh_token") }, "grant_types may only include authorization_code and refresh_token (at most 5 entries)"],
    [{ redirect_uris: ["https://a.example/cb"], response_types: Array.from({ length: 6 }, () => "code") }, 'response_types may only include "code" (at most 5 entries)'],
    [{ redirect_uris: ["https://a.example/cb"], client_name: "n".repeat(101) }, "client_name must be 1 to 100 characters"],
    [{ redirect_uris: ["https://a.example/cb"], client_uri: `https://a.example/${"p".repeat(2000)}` }, "client_uri must be an http(s) URL"],
    [{ redirect_uris: [`https://a.example/${"p".repeat(2000)}`] }, "redirect_uris must be strings of 1 to 2000 characters"],
    [{ redirect_uris: ["https://a.example/cb"], response_types: ["token"] }, 'response_types may only include "code" (at most 5 entries)'],
    [{ redirect_uris: ["https://a.example/cb"], token_endpoint_auth_method: "private_key_jwt" }, 'token_endpoint_auth_method "private_key_jwt" is not supported: register a public client ("none") and use PKCE'],
    [{ redirect_uris: ["https://a.example/cb"], client_uri: "javascript:alert(1)" }, "client_uri must be an http(s) URL"],
  ];
  for (const [body, message] of cases) assert.deepEqual(parseClientMetadata(body, "x"), { ok: false, message }, JSON.stringify(body));
});
