import type { ToolCallRecord } from "@/lib/call-log/record-tool-call";
import type { ToolCallContext } from "@/mcp/pipeline/call-tool";

/** Who asks, over what: the call-log fields a tools/call, resources/read and prompts/get share. */
export type CallerContext = Pick<ToolCallContext, "principal" | "sessionId" | "transport" | "client" | "requestBytes" | "traceParent">;

/** The call-log fields that say who called over which session, client and transport, and the request's size. Pure. */
export function callRecordCaller(context: CallerContext): Pick<ToolCallRecord, "principal" | "sessionId" | "transport" | "clientName" | "clientVersion" | "requestBytes" | "traceParent"> {
  return {
    principal: context.principal,
    sessionId: context.sessionId,
    transport: context.transport,
    clientName: context.client?.name ?? null,
    clientVersion: context.client?.version ?? null,
    requestBytes: context.requestBytes,
    traceParent: context.traceParent,
  };
}
