import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import next from "next";
import { HubError } from "@/lib/errors/hub-error";
import type { FallbackHandler } from "@/mcp/http/route-hub-request";
import { sendErrorReply } from "@/mcp/http/send-error-reply";
import { ensureNextBuild } from "./ensure-next-build";

/** The console handler plus how to release it on shutdown. */
export interface ConsoleHandler {
  handle: FallbackHandler;
  /** WebSocket upgrades (Next's dev server uses them for hot reload). */
  upgrade?: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
  close(): Promise<void>;
}

/**
 * Next's request handler for every non-MCP path (building the console first if needed), or with
 * `enabled: false` a minimal stand-in serving /api/health for MCP-only hubs and tests.
 */
export async function createConsoleHandler(options: { enabled: boolean; dev: boolean; dir: string; hostname: string; port: number }): Promise<ConsoleHandler> {
  if (!options.enabled) return { handle: serveWithoutConsole, close: async () => {} };
  if (!options.dev) await ensureNextBuild(options.dir);
  const app = next({ dev: options.dev, dir: options.dir, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = app.getUpgradeHandler();
  return {
    handle: (request, response) => handle(request, response),
    upgrade: (request, socket, head) => void upgrade(request, socket, head),
    close: () => app.close(),
  };
}

function serveWithoutConsole(request: IncomingMessage, response: ServerResponse): void {
  if (request.url === "/api/health") {
    response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ status: "ok" }));
    return;
  }
  sendErrorReply(response, new HubError("not_found", "Not found: the console is off (SWITCHBOARD_CONSOLE=off); this hub serves MCP only."));
}
