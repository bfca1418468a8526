export interface ClientSnippets {
  /** Claude Code over legacy HTTP+SSE. */
  claudeSse: string;
  /** Claude Code over Streamable HTTP. */
  claudeHttp: string;
  /** A project-scoped .mcp.json entry (Streamable HTTP). */
  mcpJson: string;
}

/**
 * Ready-to-paste client configuration for a freshly minted key. Pure; the secret goes in a
 * Bearer header exactly as the hub's MCP endpoints expect it.
 */
export function buildClientSnippets(publicUrl: string, secret: string, serverName = "switchboard"): ClientSnippets {
  const base = publicUrl.replace(/\/+$/, "");
  const header = `Authorization: Bearer ${secret}`;
  const mcpJson = {
    mcpServers: { [serverName]: { type: "http", url: `${base}/mcp`, headers: { Authorization: `Bearer ${secret}` } } },
  };
  return {
    claudeSse: `claude mcp add --transport sse ${serverName} ${base}/sse --header "${header}"`,
    claudeHttp: `claude mcp add --transport http ${serverName} ${base}/mcp --header "${header}"`,
    mcpJson: JSON.stringify(mcpJson, null, 2),
  };
}
