import { z } from "zod";

/** Query parameters shared by the keyset-paged log browsers (call logs, audit). */
export const pageQuerySchema = z.strictObject({
  cursor: z.string().regex(/^\d+$/, { message: "Use the nextCursor of the previous page" }).optional().describe("nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).optional().describe("Rows per page, 1 to 200 (default 50)"),
  from: z.coerce.date().optional().describe("Only rows at or after this time (ISO 8601)"),
  to: z.coerce.date().optional().describe("Only rows before this time (ISO 8601)"),
});
