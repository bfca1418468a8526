import type { z } from "zod";
import type { Principal } from "@/lib/api-keys/principal";
import type { ClientInteraction } from "@/mcp/pipeline/client-interaction";

/** What a tool's handler may use besides its input. */
export interface ToolContext {
  principal: Principal;
  /** Absolute, real path of the workspace root. */
  workspaceRoot: string;
  /** Aborted when the client cancels or the session closes. */
  signal: AbortSignal;
  /** Sends notifications/progress to the caller (a no-op when it asked for none). */
  reportProgress?: (progress: { progress: number; total?: number; message?: string }) => void;
  /** Asks the calling client for input (elicitation, sampling, roots) in its era; always set by callTool. */
  interaction?: ClientInteraction;
}

/** A tool's answer: text for the model, optional structured content for programs. */
export interface ToolOutput {
  text: string;
  structured?: Record<string, unknown>;
}

/** Result of a pure semantic check beyond the JSON Schema. */
export type InputCheck = { ok: true } | { ok: false; message: string };

/**
 * A tool defined in code, one per file under mcp/tools/. A breaking change to `inputSchema`
 * needs a new versioned name (run_tests → run_tests_v2); test/unit/tool-schemas.test.ts holds
 * the committed snapshot that enforces it.
 */
export interface ToolDefinition<Shape extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  /** Semver of the tool itself. */
  version: string;
  title: string;
  description: string;
  inputSchema: z.ZodObject<Shape>;
  /** Public tools are callable by every role without a grant. */
  public?: boolean;
  /** Deprecation declared in code (admins can also flag it in the console). */
  deprecation?: { message?: string; replacement?: string; sunset?: string };
  /** Semantic checks (paths, ranges, injection) on the schema-valid input. */
  checkInput?: (input: z.infer<z.ZodObject<Shape>>, context: ToolContext) => InputCheck | Promise<InputCheck>;
  /** Runs the tool; throw HubError for a clear, client-safe failure. */
  run: (input: z.infer<z.ZodObject<Shape>>, context: ToolContext) => Promise<ToolOutput>;
}

/** Identity helper that keeps the input type flowing from the schema to run(). */
export function defineTool<Shape extends z.ZodRawShape>(definition: ToolDefinition<Shape>): ToolDefinition<Shape> {
  return definition;
}
