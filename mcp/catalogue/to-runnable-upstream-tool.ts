import type { JsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/types.js";
import { HubError } from "@/lib/errors/hub-error";
import { formatToolDescription, type ToolDeprecation } from "@/lib/tool-catalog/format-tool-description";
import { toDeprecationMeta } from "@/lib/tool-catalog/to-deprecation-meta";
import { maxUpstreamCallMs } from "@/lib/upstream-connections/max-upstream-call-ms";
import { getUpstreamPool } from "@/lib/upstream-connections/upstream-pool";
import { approvedSchemaValidator } from "@/lib/upstreams/approved-schema-validator";
import type { UpstreamToolDefinition } from "@/lib/upstreams/to-upstream-tool-definition";
import type { RunnableTool } from "@/mcp/catalogue/runnable-tool";

/**
 * An approved upstream tool as a RunnableTool: its approved definition is what clients see, input
 * is validated against its JSON Schema before anything is forwarded, and run forwards over the
 * server's pooled connection (cancellation and progress passed through, result unchanged), timed
 * by the server's own limits rather than the pipeline's default.
 */
export function toRunnableUpstreamTool(input: {
  name: string;
  server: string;
  /** The server's own timeout (--timeout), restarted by progress up to 10 ×. */
  serverTimeoutMs: number;
  upstreamName: string;
  version: string;
  definition: UpstreamToolDefinition;
  deprecation: ToolDeprecation;
  public: boolean;
}): RunnableTool {
  const { definition } = input;
  // Looked up on first use: a catalogue of hundreds of upstream tools should not compile them all at once.
  let validate: JsonSchemaValidator<unknown> | undefined;
  let validateOutput: JsonSchemaValidator<unknown> | undefined;
  return {
    name: input.name,
    version: input.version,
    title: definition.title ?? input.upstreamName,
    description: formatToolDescription(definition.description, input.deprecation),
    meta: toDeprecationMeta(input.deprecation),
    inputJsonSchema: definition.inputSchema,
    outputJsonSchema: definition.outputSchema,
    annotations: definition.annotations,
    server: input.server,
    // The pool times the call itself (its timeout, restarted by progress up to 10 ×) and says
    // which limit ended it; the pipeline's limit is a backstop one timeout later, for the wait
    // for a free slot under the server's concurrency cap and for connecting.
    timeoutMs: maxUpstreamCallMs(input.serverTimeoutMs) + input.serverTimeoutMs,
    public: input.public,
    async validateInput(args) {
      try {
        validate ??= approvedSchemaValidator(definition.inputSchema);
      } catch {
        return { ok: false, message: `Tool ${input.name} has an input schema the hub cannot check, so it is not forwarded; an admin should check server ${input.server}.` };
      }
      const result = validate(args ?? {});
      return result.valid ? { ok: true, input: args ?? {} } : { ok: false, message: `Invalid arguments for ${input.name}: ${result.errorMessage}` };
    },
    async run(args, context) {
      if (context.signal.aborted) throw new HubError("internal_error", `Tool ${input.name} was cancelled.`);
      const result = await getUpstreamPool().callTool(input.server, input.upstreamName, args, { signal: context.signal, onProgress: context.reportProgress });
      if (definition.outputSchema && (result.structuredContent || !result.isError)) {
        // Clients were shown the approved output schema: structured content must match it, and a tool with one returns it (MCP) unless it failed.
        if (!result.structuredContent) throw new HubError("internal_error", `Server ${input.server} answered ${input.name} without the structured content its output schema promises.`);
        try {
          validateOutput ??= approvedSchemaValidator(definition.outputSchema);
        } catch {
          throw new HubError("internal_error", `Tool ${input.name} has an output schema the hub cannot check, so its answer is not passed on; an admin should check server ${input.server}.`);
        }
        const checked = validateOutput(result.structuredContent);
        if (!checked.valid) throw new HubError("internal_error", `Server ${input.server} answered ${input.name} with structured content that does not match its output schema: ${checked.errorMessage}`);
      }
      return result;
    },
  };
}
