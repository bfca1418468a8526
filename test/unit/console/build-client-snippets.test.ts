import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildClientSnippets } from "@/lib/console/build-client-snippets";

const SECRET = "sb_0123456789abcdefghijklmnopqrstuvABCDEF";

describe("buildClientSnippets", () => {
  it("writes both claude mcp add commands with the key as a Bearer header", () => {
    const snippets = buildClientSnippets("https://mcp.example.com", SECRET);
    assert.equal(snippets.claudeSse, `claude mcp add --transport sse switchboard https://mcp.example.com/sse --header "Authorization: Bearer ${SECRET}"`);
    assert.equal(snippets.claudeHttp, `claude mcp add --transport http switchboard https://mcp.example.com/mcp --header "Authorization: Bearer ${SECRET}"`);
  });

  it("writes a .mcp.json that parses, for Streamable HTTP", () => {
    const parsed = JSON.parse(buildClientSnippets("https://mcp.example.com", SECRET).mcpJson);
    assert.deepEqual(parsed, {
      mcpServers: { switchboard: { type: "http", url: "https://mcp.example.com/mcp", headers: { Authorization: `Bearer ${SECRET}` } } },
    });
  });

  it("keeps a path prefix and drops trailing slashes from the public URL", () => {
    const snippets = buildClientSnippets("https://example.com/hub//", SECRET);
    assert.match(snippets.claudeHttp, / https:\/\/example\.com\/hub\/mcp /);
    assert.match(snippets.claudeSse, / https:\/\/example\.com\/hub\/sse /);
  });
});
