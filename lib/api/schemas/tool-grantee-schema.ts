import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";

/**
 * POST/DELETE /api/v1/tools/{name}/grants: who gets (or loses) the tool — exactly one of a role
 * or a user id. Output is a discriminated { role } | { userId }.
 */
export const toolGranteeSchema = z
  .strictObject({
    role: z.enum(Role).optional().describe("Grant to everyone with this role"),
    userId: z.uuid().optional().describe("Grant to this one user"),
  })
  .refine((body) => (body.role === undefined) !== (body.userId === undefined), { message: "Give exactly one of role or userId" })
  .transform((body): { role: Role } | { userId: string } => (body.role !== undefined ? { role: body.role } : { userId: body.userId as string }));

export type ToolGrantee = z.output<typeof toolGranteeSchema>;
