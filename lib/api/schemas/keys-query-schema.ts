import { z } from "zod";

/** GET /api/v1/keys: whose keys (admins may name any user; default the caller). */
export const keysQuerySchema = z.strictObject({
  userId: z.uuid().optional().describe("List this user's keys instead of your own (admins only)"),
});
