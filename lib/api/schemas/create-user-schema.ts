import { z } from "zod";
import { createUserFormSchema } from "@/lib/console/admin/user-form-schemas";

/**
 * POST /api/v1/users: the console's "create a user" fields, with the password optional (a user
 * who signs in only through SSO has none). Unknown fields are refused rather than ignored.
 */
export const createUserSchema = z.strictObject({
  ...createUserFormSchema.shape,
  password: createUserFormSchema.shape.password.optional(),
});

export type CreateUserBody = z.output<typeof createUserSchema>;
