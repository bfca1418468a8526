import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";

/** PATCH /api/v1/users/{id}: change the role and/or disable (true) or re-enable (false) the user. */
export const updateUserSchema = z
  .strictObject({
    role: z.enum(Role).optional().describe("New role: admin or member"),
    disabled: z.boolean().optional().describe("true: keys stop working and sign-in is refused; false: re-enable"),
  })
  .refine((body) => body.role !== undefined || body.disabled !== undefined, { message: "Give role and/or disabled" });

export type UpdateUserBody = z.output<typeof updateUserSchema>;
