import { z } from "zod";
import { signUpSchema } from "@/lib/auth/sign-up-schema";
import { optionalFormText } from "@/lib/console/admin/optional-form-text";
import { INVITE_TOKEN_PATTERN } from "@/lib/console/admin/invite-lifetime";

/** The invitee's form on /invite/<token>: the password they choose (same rules as sign-up) and a name. */
export const acceptInviteFormSchema = z.object({
  token: z.string().regex(INVITE_TOKEN_PATTERN, { message: "This invitation link is incomplete" }).describe("The token from the invitation link"),
  password: signUpSchema.shape.password,
  name: optionalFormText(z.string().max(200, { message: "Use at most 200 characters" })).describe("Display name"),
});
