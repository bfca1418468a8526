import { z } from "zod";

/** POST /api/v1/servers/{name}/approve: every held change of the server, or one tool's. */
export const approveServerSchema = z.strictObject({
  tool: z.string().min(1).max(256).optional().describe("Approve only this tool (TOOL or NAME__TOOL); omit for all held changes"),
});
