const INITIALIZE = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench-idle", version: "1.0.0" } },
});

/**
 * Opens `count` Streamable HTTP sessions (initialize + initialized) and leaves them idle, to
 * measure what a session costs the hub. close() ends them with DELETE.
 */
export async function openIdleSessions(baseUrl: string, key: string, count: number): Promise<{ opened: number; close(): Promise<void> }> {
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json", accept: "application/json, text/event-stream" };
  const ids: string[] = [];
  const openOne = async () => {
    const response = await fetch(`${baseUrl}/mcp`, { method: "POST", headers, body: INITIALIZE });
    await response.text();
    const id = response.headers.get("mcp-session-id");
    if (response.status !== 200 || !id) throw new Error(`initialize answered ${response.status}`);
    const initialized = JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" });
    const ack = await fetch(`${baseUrl}/mcp`, { method: "POST", headers: { ...headers, "mcp-session-id": id }, body: initialized });
    await ack.text();
    ids.push(id);
  };
  for (let start = 0; start < count; start += 50) {
    await Promise.all(Array.from({ length: Math.min(50, count - start) }, openOne));
  }
  return {
    opened: ids.length,
    async close() {
      for (let start = 0; start < ids.length; start += 50) {
        await Promise.all(
          ids.slice(start, start + 50).map(async (id) => {
            const response = await fetch(`${baseUrl}/mcp`, { method: "DELETE", headers: { ...headers, "mcp-session-id": id } });
            await response.text();
          }),
        );
      }
    },
  };
}
