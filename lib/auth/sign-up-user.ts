import { decideSignUpRole } from "@/lib/auth/decide-sign-up-role";
import { signUpSchema } from "@/lib/auth/sign-up-schema";
import { withSignUpLock } from "@/lib/auth/with-sign-up-lock";
import type { ConsoleUser } from "@/lib/auth/console-user";
import { getEnv } from "@/lib/env";
import { HubError } from "@/lib/errors/hub-error";
import { createUser } from "@/lib/users/create-user";

/**
 * Self sign-up from the console. The first account on the hub becomes an admin; later ones are
 * members and only when SWITCHBOARD_ALLOW_SIGNUP=true. Throws HubError validation_failed for
 * bad input, forbidden when sign-up is closed, conflict when the email is taken.
 */
export async function signUpUser(input: unknown): Promise<ConsoleUser> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) throw new HubError("validation_failed", parsed.error.issues[0]?.message ?? "Invalid sign-up");
  const { email, password } = parsed.data;
  return withSignUpLock(async (existingUsers) => {
    const decision = decideSignUpRole({ existingUsers, allowSignup: getEnv().SWITCHBOARD_ALLOW_SIGNUP });
    if (!decision.ok) throw new HubError("forbidden", decision.message);
    const user = await createUser({ email, password, role: decision.role, actor: { userId: null, label: `sign-up:${email}` } });
    return { id: user.id, email: user.email, name: user.name ?? null, role: user.role };
  });
}
