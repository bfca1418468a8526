// An MCP server over stdio written as raw JSON-RPC lines, with no SDK: it can answer what an SDK
// server never would (a malformed tools/call result, an answer after a cancellation). Tools:
// "malformed" answers content that is not a list; "branded" answers with a 2026-07-28 interim
// result's fields; "failing" answers JSON-RPC error -32000; "hang" never answers; "ticking" sends progress every 200 ms, 8 times (with the
// request's id as token when it was given none, as some servers do), then answers "done";
// "endless" sends progress every 100 ms until it is cancelled and never answers;
// "echo" answers its `text` argument. Each notifications/cancelled received is appended to
// argv[2] as a line "TOOL REQUEST-ID".
import { appendFileSync } from "node:fs";
import readline from "node:readline";

const cancellationsFile = process.argv[2];
const send = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`);
const tools = ["malformed", "branded", "failing", "hang", "ticking", "endless", "echo"].map((name) => ({ name, inputSchema: { type: "object" } }));
const toolOfRequest = new Map<unknown, string>();
const endlessTimers = new Map<unknown, NodeJS.Timeout>();

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const message = JSON.parse(line) as { id?: string | number; method?: string; params?: Record<string, any> };
  if (message.method === "notifications/cancelled") {
    clearInterval(endlessTimers.get(message.params?.requestId));
    return appendFileSync(cancellationsFile, `${toolOfRequest.get(message.params?.requestId)} ${message.params?.requestId}\n`);
  }
  if (message.id === undefined) return;
  const answer = (result: unknown) => send({ jsonrpc: "2.0", id: message.id, result });
  if (message.method === "initialize") return answer({ protocolVersion: message.params?.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: "raw", version: "1" } });
  if (message.method === "tools/list") return answer({ tools });
  if (message.method !== "tools/call") return send({ jsonrpc: "2.0", id: message.id, error: { code: -32601, message: "Method not found" } });
  const { name, arguments: args, _meta } = message.params as { name: string; arguments?: Record<string, unknown>; _meta?: { progressToken?: unknown } };
  toolOfRequest.set(message.id, name);
  if (name === "malformed") return answer({ content: "not a list" });
  if (name === "branded") return answer({ content: [{ type: "text", text: "hi" }], resultType: "input_required", inputRequests: { ask: { method: "elicitation/create" } } });
  if (name === "failing") return send({ jsonrpc: "2.0", id: message.id, error: { code: -32000, message: "database is down" } });
  if (name === "hang") return;
  if (name === "echo") return answer({ content: [{ type: "text", text: String(args?.text) }] });
  if (name === "endless") {
    let step = 0;
    const progress = () => send({ jsonrpc: "2.0", method: "notifications/progress", params: { progressToken: _meta?.progressToken ?? message.id, progress: (step += 1) } });
    return void endlessTimers.set(message.id, setInterval(progress, 100));
  }
  let ticks = 0;
  const timer = setInterval(() => {
    ticks += 1;
    send({ jsonrpc: "2.0", method: "notifications/progress", params: { progressToken: _meta?.progressToken ?? message.id, progress: ticks, total: 8 } });
    if (ticks < 8) return;
    clearInterval(timer);
    answer({ content: [{ type: "text", text: "done" }] });
  }, 200);
});
