import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { listUrlSecrets } from "@/lib/upstream-connections/list-url-secrets";
import { redactConfiguredValues } from "@/lib/upstream-connections/redact-configured-values";
import { redactUrl } from "@/lib/upstream-connections/redact-url";
import { splitUrlCredentials } from "@/lib/upstream-connections/split-url-credentials";
import type { UpstreamConfig } from "@/lib/upstream-connections/upstream-config";
import { restoreUrlSecrets } from "@/lib/upstreams/restore-url-secrets";

describe("a server URL's secret parts", () => {
  const shown: Array<[string, string]> = [
    ["https://user:password@host/mcp?token=abc", "https://user:***@host/mcp?token=***"],
    ["https://host/mcp", "https://host/mcp"],
    ["https://ghp_token1234@host/mcp", "https://***@host/mcp"],
    ["http://host:8080/p?a=1&empty=&sk-bare-token&&b=x=y#frag", "http://host:8080/p?a=***&empty=&***&&b=***#***"],
    ["not a url", "***"],
  ];
  for (const [url, expected] of shown) {
    test(`shown as ${expected}, and unchanged when shown again`, () => {
      assert.equal(redactUrl(url), expected);
      assert.equal(redactUrl(expected), expected);
    });
  }

  test("listed as written and decoded, for blanking out of error text", () => {
    assert.deepEqual(listUrlSecrets("https://u:p%40ss@h/mcp?token=a%2Bb&bare#f"), ["p%40ss", "p@ss", "f", "a%2Bb", "a+b", "bare"]);
    assert.deepEqual(listUrlSecrets("https://h/mcp"), []);
    assert.deepEqual(listUrlSecrets("https://ghp_token1234@h/mcp"), ["ghp_token1234"]);
    assert.deepEqual(listUrlSecrets(null), []);
  });

  test("a user and password become Basic auth and leave the URL; a configured Authorization wins", () => {
    const split = splitUrlCredentials("https://de%40ploy:pa%3Ass@host/mcp?token=abc", { "X-Team": "a" });
    assert.equal(split.url.href, "https://host/mcp?token=abc");
    assert.deepEqual(split.headers, { "X-Team": "a", Authorization: `Basic ${Buffer.from("de@ploy:pa:ss").toString("base64")}` });
    assert.deepEqual(splitUrlCredentials("https://u:p@host/mcp", { authorization: "Bearer t" }).headers, { authorization: "Bearer t" });
    assert.deepEqual(splitUrlCredentials("https://host/mcp", {}).headers, {});
  });

  test("blanked out of error text: the URL shown redacted, its password, query values and Basic header anywhere", () => {
    const url = "https://deploy:hunter2-long@mcp.example.com/mcp?token=tok-0123456789";
    const config: UpstreamConfig = { id: "00000000-0000-0000-0000-000000000000", name: "gh", transport: "http", command: null, args: [], cwd: null, url, env: {}, headers: {}, timeoutMs: 60_000, maxConcurrency: 64 };
    const basic = Buffer.from("deploy:hunter2-long").toString("base64");
    const text = `fetch ${url} failed; GET https://mcp.example.com/mcp?token=tok-0123456789 said bad password hunter2-long (Basic ${basic})`;
    assert.equal(redactConfiguredValues(text, config), "fetch https://deploy:***@mcp.example.com/mcp?token=*** failed; GET https://mcp.example.com/mcp?token=[secret] said bad password [secret] ([secret])");
  });
});

describe("an edited URL keeps the stored secret parts its *** stand for", () => {
  const stored = "https://deploy:s3cret@host/mcp?token=abc&v=2&token=def";

  test("the URL as shown keeps the stored one", () => {
    assert.deepEqual(restoreUrlSecrets("https://deploy:***@host/mcp?token=***&v=***&token=***", stored), { ok: true, url: stored, kept: ["the URL's secret parts"] });
    assert.deepEqual(restoreUrlSecrets("https://host/mcp", "https://host/mcp"), { ok: true, url: "https://host/mcp", kept: [] });
  });

  test("each *** in a changed URL is the stored part in its place, named as kept", () => {
    assert.deepEqual(restoreUrlSecrets("https://deploy:***@other/v2?token=***&v=3&token=***", stored), {
      ok: true,
      url: "https://deploy:s3cret@other/v2?token=abc&v=3&token=def",
      kept: ["the URL's password", "the URL's query value token", "the URL's query value token"],
    });
    assert.deepEqual(restoreUrlSecrets("https://host/mcp?token=new", stored), { ok: true, url: "https://host/mcp?token=new", kept: [] });
    assert.deepEqual(restoreUrlSecrets("https://***@host/v2", "https://ghp_token1234@host/mcp"), { ok: true, url: "https://ghp_token1234@host/v2", kept: ["the URL's user name"] });
  });

  const refusals: Array<[string, string, string]> = [
    ["a password for another user", "https://admin:***@host/mcp", "the password"],
    ["a user name standing for a token where a password is stored", "https://***@host/mcp", "the user name"],
    ["a query value not stored", "https://deploy:***@host/mcp?key=***", "the query value key"],
    ["a third token", "https://host/mcp?token=***&token=***&token=***", "the query value token"],
    ["a bare entry", "https://host/mcp?***", "a query entry"],
    ["a fragment", "https://host/mcp#***", "the fragment"],
  ];
  for (const [label, given, part] of refusals) {
    test(`refuses a *** with nothing stored behind it: ${label}`, () => {
      assert.deepEqual(restoreUrlSecrets(given, stored), { ok: false, message: `url: ${part} is "***", the placeholder of a stored secret, but none is stored in its place; give its value` });
    });
  }
});
