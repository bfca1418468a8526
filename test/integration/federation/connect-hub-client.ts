import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

/** An SDK client connected to a hub with a key, over Streamable HTTP (/mcp) or legacy SSE (/sse). */
export async function connectHubClient(hubUrl: string, kind: "streamable" | "sse", key: string, name = "federation-test"): Promise<Client> {
  const headers = { Authorization: `Bearer ${key}` };
  const transport = kind === "streamable" ? new StreamableHTTPClientTransport(new URL(`${hubUrl}/mcp`), { requestInit: { headers } }) : new SSEClientTransport(new URL(`${hubUrl}/sse`), { requestInit: { headers } });
  const client = new Client({ name, version: "1.0.0" });
  await client.connect(transport);
  return client;
}
