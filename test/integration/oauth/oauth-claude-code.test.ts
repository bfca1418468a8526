import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { startApiTestEnvironment, TEST_PASSWORD, type ApiTestEnvironment } from "@/test/integration/api/api-test-environment";
import { orAfter } from "@/test/helpers/with-timeout";
import { launchConsentBrowser, type ConsentBrowser } from "./approve-in-browser";
import { CLAUDE_INSTALLED, claudeEnv, runClaude, startClaude } from "./run-claude-code";
import { startMetadataDocumentServer, type MetadataDocumentServer } from "./start-metadata-document-server";

const SKIP = CLAUDE_INSTALLED ? false : "Claude Code is not installed in test/peers (run `npm ci --prefix test/peers`): skipping the Claude Code OAuth checks";

describe("Claude Code 2.1.332 against a hub with OAuth on", { skip: SKIP }, () => {
  let env: ApiTestEnvironment;
  let metadata: MetadataDocumentServer;
  let browser: ConsentBrowser;
  let home: string;

  before(async () => {
    metadata = await startMetadataDocumentServer("Claude Code");
    env = await startApiTestEnvironment({ NODE_EXTRA_CA_CERTS: metadata.certificateFile });
    browser = await launchConsentBrowser(env.hub.url);
    home = mkdtempSync(path.join(os.tmpdir(), "sb-claude-home-"));
  });

  after(async () => {
    await browser?.close();
    await env?.stop();
    await metadata?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  test("servers added with a key header still show Connected on both transports", async () => {
    const claude = claudeEnv(home);
    const header = `Authorization: Bearer ${env.member.key}`;
    assert.equal((await runClaude(["mcp", "add", "--transport", "http", "sb-key-http", `${env.hub.url}/mcp`, "--header", header], claude)).code, 0);
    assert.equal((await runClaude(["mcp", "add", "--transport", "sse", "sb-key-sse", `${env.hub.url}/sse`, "--header", header], claude)).code, 0);
    const listed = await runClaude(["mcp", "list"], claude);
    assert.match(listed.output, /sb-key-http: .*\/mcp \(HTTP\) - [✓✔] Connected/, listed.output);
    assert.match(listed.output, /sb-key-sse: .*\/sse \(SSE\) - [✓✔] Connected/, listed.output);
  });

  test("a server added with no header signs in through the browser (Client ID Metadata Document), then shows Connected", async () => {
    const urlFile = path.join(home, "browser-urls.txt");
    const opener = path.join(home, "open-browser.sh");
    writeFileSync(opener, `#!/bin/sh\nprintf '%s\\n' "$1" >> "${urlFile}"\n`);
    chmodSync(opener, 0o755);
    writeFileSync(urlFile, "");
    const claude = claudeEnv(home, { BROWSER: opener, MCP_OAUTH_CLIENT_METADATA_URL: metadata.url });
    assert.equal((await runClaude(["mcp", "add", "--transport", "http", "sb-oauth", `${env.hub.url}/mcp`], claude)).code, 0);
    const before = await runClaude(["mcp", "list"], claude);
    assert.match(before.output, /sb-oauth: .*(Needs authentication|needs auth)/i, before.output);

    const login = startClaude(["mcp", "login", "sb-oauth"], claude);
    try {
      let authorizationUrl = "";
      for (let attempt = 0; attempt < 300 && !authorizationUrl; attempt += 1) {
        const opened = readFileSync(urlFile, "utf8").split("\n").find((line) => line.startsWith(`${env.hub.url}/oauth/authorize?`));
        const printed = /(http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?[^\s\u001b]+)/.exec(login.output())?.[1];
        authorizationUrl = opened ?? printed ?? "";
        if (!authorizationUrl) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok(authorizationUrl, `Claude Code opened no authorization URL:\n${login.output()}`);
      const query = new URL(authorizationUrl).searchParams;
      assert.equal(query.get("client_id"), metadata.url);
      assert.equal(query.get("code_challenge_method"), "S256");
      assert.equal(query.get("resource"), `${env.hub.url}/mcp`);
      await browser.authorize(authorizationUrl, { email: env.member.user.email, password: TEST_PASSWORD });
      const code = await orAfter(login.exited, 30_000, null);
      assert.equal(code, 0, login.output());
    } finally {
      login.child.kill();
    }
    assert.ok(metadata.fetches() >= 1, "the hub fetched Claude Code's metadata document");
    const afterLogin = await runClaude(["mcp", "list"], claude);
    assert.match(afterLogin.output, /sb-oauth: .*\/mcp \(HTTP\) - [✓✔] Connected/, afterLogin.output);
  });
});
