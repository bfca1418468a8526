import { buildCommandInputSchema } from "@/lib/command-tools/build-command-input-schema";
import type { CommandParameter } from "@/lib/command-tools/command-tool-schema";
import { toInputJsonSchema } from "@/lib/tool-catalog/to-input-json-schema";
import type { CanonicalInputSchema } from "@/lib/tool-catalog/canonicalize-input-schema";

/** The canonical input JSON Schema (and its hash) clients see for a command tool's parameters. */
export function buildCommandJsonSchema(parameters: Record<string, CommandParameter>): CanonicalInputSchema {
  return toInputJsonSchema(buildCommandInputSchema(parameters));
}
