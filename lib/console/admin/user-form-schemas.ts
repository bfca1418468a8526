import { z } from "zod";
import { signUpSchema } from "@/lib/auth/sign-up-schema";
import { optionalFormText } from "@/lib/console/admin/optional-form-text";
import { Role } from "@/lib/generated/prisma/enums";

const roleField = z.enum(Role, { message: "Pick admin or member" }).describe("admin: manages the hub and may call every tool; member: public and granted tools");

/** "Create a user": email, initial password (told to them out of band), role, optional name. */
export const createUserFormSchema = z.object({
  email: signUpSchema.shape.email,
  password: signUpSchema.shape.password,
  role: roleField.default(Role.member),
  name: optionalFormText(z.string().max(200, { message: "Use at most 200 characters" })).describe("Display name"),
});

/** "Invite by link": who, and with which role; they choose their own password on the link. */
export const inviteUserFormSchema = z.object({
  email: signUpSchema.shape.email,
  role: roleField.default(Role.member),
});

/** "Change role" on a user row. */
export const changeRoleFormSchema = z.object({
  userId: z.uuid({ message: "Unknown user" }).describe("The user whose role changes"),
  role: roleField,
});

/** "Disable" / "Enable" on a user row. */
export const setUserDisabledFormSchema = z.object({
  userId: z.uuid({ message: "Unknown user" }).describe("The user to disable or re-enable"),
  disabled: z.enum(["true", "false"]).transform((value) => value === "true").describe("true: keys stop working and sign-in is refused at once"),
});

/** Withdrawing an open invitation. */
export const revokeInviteFormSchema = z.object({
  inviteId: z.uuid({ message: "Unknown invitation" }).describe("The open invitation to withdraw"),
});
