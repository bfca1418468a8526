// The hub talks to upstreams with the v1 SDK Client (@modelcontextprotocol/sdk), not the v2
// client: the session servers, the result types passed through unchanged and the JSON Schema
// validator are all v1, and v1 has both remote client transports (Streamable HTTP and legacy SSE)
// plus the ReadBuffer our own stdio transport needs. One SDK generation end to end means a
// CallToolResult from upstream is handed to the caller as the very object type the server sends.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport, SseError } from "@modelcontextprotocol/sdk/client/sse.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { PromptListChangedNotificationSchema, ResourceListChangedNotificationSchema, ResourceUpdatedNotificationSchema, ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import type { JsonSchemaValidator as SchemaCheck, jsonSchemaValidator as JsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/types.js";
import { rememberOpenedConfig } from "@/lib/upstream-connections/opened-with-config";
import type { UpstreamConfig } from "@/lib/upstream-connections/upstream-config";
import { splitUrlCredentials } from "@/lib/upstream-connections/split-url-credentials";
import { StdioUpstreamTransport } from "@/lib/upstream-connections/stdio-upstream-transport";
import { StreamableHttpUpstreamTransport } from "@/lib/upstream-connections/streamable-http-upstream-transport";
import { UpstreamRpc } from "@/lib/upstream-connections/upstream-rpc";

/** The hub as an MCP client, in the upstream's logs. */
const CLIENT_INFO = { name: "switchboard-hub", version: "1" } as const;
/**
 * The Client compiles every listed tool's output schema at each tools/list (for its own callTool,
 * which the hub does not use: tools/call goes through UpstreamRpc and is checked against the
 * approved schema). Compiling the live schemas at every re-sync only grew Ajv's cache.
 */
const noSchemaValidation: JsonSchemaValidator = {
  getValidator<T>() {
    return ((input: unknown) => ({ valid: true, data: input, errorMessage: undefined })) as SchemaCheck<T>;
  },
};

export interface UpstreamClient {
  client: Client;
  /** The hot path's requests (tools/call), beside the Client on the same transport. */
  rpc: UpstreamRpc;
  /** stderr tail of a stdio server (empty for remotes), for error messages. */
  diagnostics(): string;
  close(): Promise<void>;
}

export interface UpstreamClientEvents {
  /** The upstream announced a change of its tools, resources or prompts. */
  onListChanged?: (list: "tools" | "resources" | "prompts") => void;
  /** The upstream announced that a resource the hub subscribed to changed (its own URI). */
  onResourceUpdated?: (uri: string) => void;
  /** The connection ended (process exited, stream lost) without close() being called. */
  onLost?: (reason: string) => void;
}

/**
 * Connects to one upstream and completes the MCP handshake within `timeoutMs`. Rejects with an
 * Error whose message says in one line why (command not found, process exited, HTTP status,
 * no MCP answer); a half-open connection is closed before rejecting.
 */
export async function openUpstreamClient(config: UpstreamConfig, events: UpstreamClientEvents = {}, timeoutMs = 15_000): Promise<UpstreamClient> {
  const transport = createTransport(config);
  const client = new Client(CLIENT_INFO, { capabilities: {}, jsonSchemaValidator: noSchemaValidation });
  rememberOpenedConfig(client, config);
  let closing = false;
  let lastError = "";
  const diagnostics = () => (transport instanceof StdioUpstreamTransport ? transport.stderrTail : "");
  client.onerror = (error) => (lastError = error.message.split("\n")[0]);
  client.onclose = () => {
    if (!closing) events.onLost?.(lastError || "connection closed");
  };
  client.setNotificationHandler(ToolListChangedNotificationSchema, () => events.onListChanged?.("tools"));
  client.setNotificationHandler(ResourceListChangedNotificationSchema, () => events.onListChanged?.("resources"));
  client.setNotificationHandler(PromptListChangedNotificationSchema, () => events.onListChanged?.("prompts"));
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => events.onResourceUpdated?.(notification.params.uri));
  const close = async () => {
    closing = true;
    await client.close().catch(() => {});
    await transport.close().catch(() => {});
  };
  try {
    await client.connect(transport, { timeout: timeoutMs });
  } catch (error) {
    closing = true;
    await close();
    throw new Error(describeConnectFailure(error, lastError, diagnostics()));
  }
  if (transport instanceof SSEClientTransport) closeWhenStreamLost(transport);
  return { client, rpc: new UpstreamRpc(transport), diagnostics, close };
}

function createTransport(config: UpstreamConfig): Transport {
  if (config.transport === "stdio") {
    return new StdioUpstreamTransport({ command: config.command ?? "", args: config.args, env: config.env, cwd: config.cwd });
  }
  const { url, headers } = splitUrlCredentials(config.url ?? "", config.headers);
  if (config.transport === "sse") return new SSEClientTransport(url, { requestInit: { headers }, fetch: fetchOnOwnSignal });
  // The pool lets a call run up to 10 × the timeout while progress keeps arriving (maxTotalTimeout).
  return new StreamableHttpUpstreamTransport(url, { headers, connections: config.maxConcurrency, idleTimeoutMs: config.timeoutMs * 10 });
}

/**
 * A legacy SSE session lives as long as its event stream: once the stream is lost (the server
 * stopped or restarted), the session is gone with it. The SDK's transport only reports the error
 * while its EventSource reconnects by itself, to a new session nobody initialized, and its POSTs
 * still name the old one (which a restarted server may never answer). Closing the transport
 * instead ends the connection, so the pool marks the server failing and reconnects with backoff.
 */
function closeWhenStreamLost(transport: SSEClientTransport): void {
  const onerror = transport.onerror;
  transport.onerror = (error) => {
    onerror?.(error);
    if (error instanceof SseError) void transport.close();
  };
}

/**
 * The SDK's SSE transport gives every POST the transport's one long-lived AbortSignal (so that
 * close() aborts what is in flight). Node's fetch adds an abort listener to that signal for each
 * request and removes it only when the Request is garbage-collected, so on a pooled connection
 * shared by every session the listeners pile up by the thousand between collections: each fetch
 * then lists them all (getEventListeners) and past 1,500 prints a MaxListenersExceededWarning with
 * a stack trace to stderr, per call. A signal of its own per request, following the shared one
 * (AbortSignal.any: a weak link, no listener on the shared signal), keeps close() aborting
 * in-flight requests and costs the same at the millionth call as at the first.
 */
function fetchOnOwnSignal(url: string | URL, init?: RequestInit): Promise<Response> {
  return fetch(url, init?.signal ? { ...init, signal: AbortSignal.any([init.signal]) } : init);
}

function describeConnectFailure(error: unknown, lastError: string, stderr: string): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const base = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  // Node's fetch says only "fetch failed"; the cause says ECONNREFUSED, ENOTFOUND, a TLS error...
  const message = cause?.code || cause?.message ? `${base} (${cause.code ?? cause.message})` : base;
  const detail = lastError && !message.includes(lastError) ? `${message} (${lastError})` : message;
  const tail = stderr ? `; stderr: ${stderr.split("\n").at(-1)?.slice(0, 200)}` : "";
  return `${detail}${tail}`;
}
