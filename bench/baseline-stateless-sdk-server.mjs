#!/usr/bin/env node
// baseline-stateless-sdk-server.mjs — the bare v2 SDK server for the 2026-07-28 stateless
// scenario: McpServer with one `echo` tool behind createMcpHandler (@modelcontextprotocol/server
// 2.4.0, a fresh instance per request, as its documentation has it), on plain node:http through
// the smallest Node → fetch adapter (the body is read once and handed over as parsedBody; the
// SDK's own Node wrapper, @modelcontextprotocol/node, is not installed here). No auth, no logging.
// What the shared kit's baseline-sdk-server.mjs is for the session eras.
//
//   node bench/baseline-stateless-sdk-server.mjs [--port 3901] [--host 127.0.0.1]
//   GET /stats -> {"toolCalls":N}
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { McpServer, createMcpHandler } from "@modelcontextprotocol/server";
import * as z from "zod";

const { values: opt } = parseArgs({ options: { port: { type: "string", default: "3901" }, host: { type: "string", default: "127.0.0.1" } } });

let toolCalls = 0;
const handler = createMcpHandler(() => {
  const server = new McpServer({ name: "baseline-stateless-sdk-server", version: "0.1.0" });
  server.registerTool("echo", { description: "Echo back the message", inputSchema: z.object({ message: z.string() }) }, async ({ message }) => {
    toolCalls++;
    return { content: [{ type: "text", text: message }] };
  });
  return server;
}, { responseMode: "json" });

const httpServer = createServer(async (req, res) => {
  if (req.url === "/stats") return res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ toolCalls }));
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString("utf8");
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, { method: req.method, headers });
  let parsedBody;
  try {
    parsedBody = text ? JSON.parse(text) : undefined;
  } catch {
    parsedBody = undefined;
  }
  const response = await handler.fetch(request, { parsedBody });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return res.end();
  for await (const chunk of response.body) res.write(chunk);
  res.end();
});
httpServer.listen(Number(opt.port), opt.host, () => console.error(`baseline-stateless-sdk-server on http://${opt.host}:${opt.port}/mcp`));
