// A stdio MCP server (raw JSON-RPC lines, no SDK: it starts fast) that leaves behind what real
// servers leave behind: at each start it appends one JSON line { pid, args, at, helper } to
// argv[2]/starts.jsonl, `helper` being the pid of a grandchild it spawned that ignores SIGTERM
// (a helper that will not stop when asked: only a SIGKILL of the process group ends it). Neither
// stops when its stdin closes, so only the hub's signals end them. While a file argv[2]/crash
// exists it records its start and exits at once (a crash loop). Tool: "whoami" answers its pid.
import { spawn } from "node:child_process";
import { appendFileSync, existsSync } from "node:fs";
import path from "node:path";
import readline from "node:readline";

const recordsDir = process.argv[2];
const record = (helper: number | null) => appendFileSync(path.join(recordsDir, "starts.jsonl"), `${JSON.stringify({ pid: process.pid, args: process.argv.slice(2), at: Date.now(), helper })}\n`);

if (existsSync(path.join(recordsDir, "crash"))) {
  record(null);
  process.exit(1);
}

// The helper says when it ignores SIGTERM; only then is it recorded and the server answers (a
// stop that came earlier would find a helper that SIGTERM still ends).
const helper = spawn(process.execPath, ["-e", "process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 60_000);"], { stdio: ["ignore", "pipe", "ignore"] });
await new Promise((resolve) => helper.stdout.once("data", resolve));
record(helper.pid ?? null);
setInterval(() => {}, 60_000);

const send = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`);
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const message = JSON.parse(line) as { id?: string | number; method?: string; params?: Record<string, any> };
  if (message.id === undefined) return;
  const answer = (result: unknown) => send({ jsonrpc: "2.0", id: message.id, result });
  if (message.method === "initialize") return answer({ protocolVersion: message.params?.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: "spawning", version: "1" } });
  if (message.method === "tools/list") return answer({ tools: [{ name: "whoami", description: "Answers its process id.", inputSchema: { type: "object" } }] });
  if (message.method === "tools/call" && message.params?.name === "whoami") return answer({ content: [{ type: "text", text: String(process.pid) }] });
  send({ jsonrpc: "2.0", id: message.id, error: { code: -32601, message: "Method not found" } });
});
