import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Principal } from "@/lib/api-keys/principal";
import { recordToolCall, type ToolCallRecord } from "@/lib/call-log/record-tool-call";
import { HubError } from "@/lib/errors/hub-error";
import { isDatabaseUnreachable } from "@/lib/db/is-database-unreachable";
import { getEnv } from "@/lib/env";
import { reportError } from "@/lib/errors/report-error";
import { logger } from "@/lib/log/logger";
import { assertToolPermitted } from "@/lib/permissions/assert-tool-permitted";
import { getWorkspaceBounds } from "@/lib/workspace/get-workspace-bounds";
import { explainRenamedTool } from "@/mcp/catalogue/explain-renamed-tool";
import { explainUnavailableTool } from "@/mcp/catalogue/explain-unavailable-tool";
import { getRunnableTool } from "@/mcp/catalogue/get-runnable-tool";
import type { ToolContext } from "@/mcp/tools/tool-definition";
import { callRecordCaller } from "./call-record-caller";
import { assertClientCapable, InputRequired, type ClientInteraction } from "./client-interaction";
import { createToolAbort } from "./create-tool-abort";

/** Everything about one tools/call besides the tool name and arguments. */
export interface ToolCallContext {
  /** Resolved for this very HTTP request (through resolvePrincipal's cache), so revocations apply. */
  principal: Principal;
  /** null for a stateless 2026-07-28 request. */
  sessionId: string | null;
  transport: ToolCallRecord["transport"];
  client: { name: string; version: string } | undefined;
  requestBytes: number;
  /** A valid W3C traceparent from the request's _meta (readTraceParent), recorded with the call. */
  traceParent: string | null;
  /** Aborted when the client cancels or the session closes. */
  signal: AbortSignal;
  /** Progress back to the caller, when its request carried a progressToken. */
  reportProgress?: ToolContext["reportProgress"];
  /** How the tool may ask the client for input (createSessionInteraction / createStatelessInteraction); none: refused. */
  interaction?: ClientInteraction;
}

/** For callers with no way back to the client: every input request is refused, saying so. */
const NO_INTERACTION: ClientInteraction = {
  capabilities: {},
  inputResponses: undefined,
  requestState: undefined,
  request: async (requests) => {
    assertClientCapable({}, requests);
    return {};
  },
};

type Outcome = Pick<ToolCallRecord, "status" | "errorCode" | "toolVersion"> & { result: CallToolResult };

/**
 * Runs one tools/call through the pipeline: permission → tool lookup → input validation → run
 * (with a timeout and the client's abort signal) → call log. Every refusal or failure is an MCP
 * result with isError and a clear text, never a transport error; internal faults are logged and
 * answered generically.
 */
export async function callTool(name: string, args: unknown, context: ToolCallContext): Promise<CallToolResult> {
  const startedAt = performance.now();
  const outcome = await runPipeline(name, args, context);
  const durationMs = performance.now() - startedAt;
  await recordToolCall({
    at: new Date(),
    ...callRecordCaller(context),
    toolName: name,
    toolVersion: outcome.toolVersion,
    status: outcome.status,
    durationMs,
    resultBytes: resultBytesOf(outcome.result),
    errorCode: outcome.errorCode,
  });
  return outcome.result;
}

async function runPipeline(name: string, args: unknown, context: ToolCallContext): Promise<Outcome> {
  try {
    await assertToolPermitted(context.principal, name);
  } catch (error) {
    // A renamed server's old tool names are not permitted (nothing is named so any more): say what they are now.
    const renamed = await explainRenamedTool(context.principal, name).catch(() => undefined);
    return renamed ? failure(renamed, "invalid", "not_found", null) : refusal(error, "denied", null, name);
  }
  const tool = await getRunnableTool(name);
  if (!tool) {
    const unavailable = await explainUnavailableTool(name);
    return unavailable
      ? failure(unavailable, "error", "unavailable", null)
      : failure(`Unknown tool: ${name} is not available (disabled, past its sunset date, or never existed).`, "invalid", "not_found", null);
  }
  // A tool that runs longer than its limit is aborted and answered with isError.
  const abort = createToolAbort(name, context.signal, tool.timeoutMs ?? getEnv().SWITCHBOARD_TOOL_TIMEOUT_SECONDS * 1000);
  try {
    const toolContext: ToolContext = {
      principal: context.principal,
      workspaceRoot: (await getWorkspaceBounds()).root,
      // A getter, so the tool's AbortController is made only for a tool that reads its signal.
      get signal() {
        return abort.signal;
      },
      reportProgress: context.reportProgress,
      interaction: context.interaction ?? NO_INTERACTION,
    };
    const validation = await tool.validateInput(args ?? {}, toolContext);
    // RunnableTool.validateInput already says "Invalid arguments for <tool>: …".
    if (!validation.ok) return failure(validation.message, "invalid", "validation_failed", tool.version);
    const result = await abort.race(() => tool.run(validation.input, toolContext));
    // An isError result is the tool's own answer (an upstream's passes through unchanged).
    return result.isError ? { status: "error", errorCode: "tool_error", toolVersion: tool.version, result } : { status: "ok", errorCode: null, toolVersion: tool.version, result };
  } catch (error) {
    // 2026-07-28: the client must answer input requests and retry (multi round-trip requests).
    if (error instanceof InputRequired) return { status: "ok", errorCode: null, toolVersion: tool.version, result: inputRequiredResult(error) };
    return refusal(error, "error", tool.version, name);
  } finally {
    abort.dispose();
  }
}

function failure(text: string, status: ToolCallRecord["status"], errorCode: string, toolVersion: string | null): Outcome {
  return { status, errorCode, toolVersion, result: { isError: true, content: [{ type: "text", text }] } };
}

/** HubError messages are client-safe; anything else is logged and answered generically. */
function refusal(error: unknown, status: ToolCallRecord["status"], toolVersion: string | null, toolName: string): Outcome {
  if (error instanceof HubError) return failure(error.message, status, error.code, toolVersion);
  reportError(error, { tool: toolName }, "tool call failed");
  if (isDatabaseUnreachable(error)) return failure(`Tool ${toolName} needs the database, which is unreachable; retry shortly.`, status, "unavailable", toolVersion);
  return failure(`Tool ${toolName} failed with an internal error. The incident was logged.`, status, "internal_error", toolVersion);
}

/** The interim `input_required` result (no content; resultType overrides answerStatelessRequest's "complete"). */
function inputRequiredResult(error: InputRequired): CallToolResult {
  const result: Record<string, unknown> = { resultType: "input_required", inputRequests: error.inputRequests };
  if (error.requestState !== undefined) result.requestState = error.requestState;
  return result as unknown as CallToolResult;
}

/** Approximate answer size without serialising the result a second time. */
function resultBytesOf(result: CallToolResult): number {
  let bytes = 0;
  // An input_required result (or an upstream's) may carry no content.
  for (const item of result.content ?? []) if (item.type === "text") bytes += Buffer.byteLength(item.text);
  if (result.structuredContent) bytes += Buffer.byteLength(JSON.stringify(result.structuredContent));
  return bytes;
}
