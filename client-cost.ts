import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { CallToolResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { StreamableHttpUpstreamTransport } from "@/lib/upstream-connections/streamable-http-upstream-transport";
const url = new URL(process.argv[2]); const serverPid = Number(process.argv[3]);
const ticks = () => { const f = readFileSync(`/proc/${serverPid}/stat`, "utf8").split(") ")[1].split(" "); return (Number(f[11]) + Number(f[12])) * 10000; };
const N = Number(process.env.N ?? 6000), C = Number(process.env.C ?? 20);
const client = new Client({ name: "x", version: "1" });
await client.connect(new StreamableHttpUpstreamTransport(url, { headers: {}, connections: 256, idleTimeoutMs: 60000 }));
const run = async (n: number) => { let i = 0; await Promise.all(Array.from({ length: C }, async () => { while (i++ < n) await client.callTool({ name: "echo", arguments: { message: "hello" } }, CallToolResultSchema); })); };
await run(2000);
for (let k = 0; k < 2; k++) {
  const cpu = process.cpuUsage(); const s0 = ticks(); const t = performance.now();
  await run(N);
  const used = process.cpuUsage(cpu); const wall = performance.now() - t;
  console.log("client µs/call", ((used.user + used.system) / N).toFixed(0), "server µs/call", ((ticks() - s0) / N).toFixed(0), "calls/s", (N / wall * 1000).toFixed(0));
}
process.exit(0);
