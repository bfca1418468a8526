import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";

/** PATCH /api/v1/users/{id}: change the role, disable (true) or re-enable (false) the user, and/or set their live-key cap. */
export const updateUserSchema = z
  .strictObject({
    role: z.enum(Role).optional().describe("New role: admin or member"),
    disabled: z.boolean().optional().describe("true: keys stop working and sign-in is refused; false: re-enable"),
    maxLiveKeys: z.number().int().min(1).max(10_000).nullable().optional().describe("Most live API keys the user may hold (1–10000); null restores the default (25)"),
  })
  .refine((body) => body.role !== undefined || body.disabled !== undefined || body.maxLiveKeys !== undefined, { message: "Give role, disabled and/or maxLiveKeys" });

export type UpdateUserBody = z.output<typeof updateUserSchema>;
