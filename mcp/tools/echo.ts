import { z } from "zod";
import { defineTool } from "@/mcp/tools/tool-definition";

/** Returns its input unchanged: a connectivity check, and the benchmark's reference tool. */
export const echoTool = defineTool({
  name: "echo",
  version: "1.0.0",
  title: "Echo",
  description: "Returns the given message unchanged. Use it to check that the hub is reachable and your key works.",
  public: true,
  inputSchema: z.object({
    message: z.string().max(10_000).describe("Text to send back (max 10 000 characters)"),
  }),
  run: async ({ message }) => ({ text: message }),
});
