import { z } from "zod";
import { signUpSchema } from "@/lib/auth/sign-up-schema";
import { Role } from "@/lib/generated/prisma/enums";

/**
 * POST /api/v1/users: the console sign-up fields (password optional, for SSO-only users) plus the
 * role and display name an admin may set.
 */
export const createUserSchema = z.strictObject({
  ...signUpSchema.shape,
  password: signUpSchema.shape.password.optional(),
  role: z.enum(Role).optional().describe("admin or member (default member; the first user is always admin)"),
  name: z.string().trim().min(1).max(200).optional().describe("Display name"),
});

export type CreateUserBody = z.output<typeof createUserSchema>;
