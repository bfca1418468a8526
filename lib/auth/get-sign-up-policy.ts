import { decideSignUpRole, type SignUpDecision } from "@/lib/auth/decide-sign-up-role";
import { getPrisma } from "@/lib/db/prisma";
import { getEnv } from "@/lib/env";

/** Whether the sign-up page should offer a form right now, and with which role (for its wording). */
export async function getSignUpPolicy(): Promise<SignUpDecision> {
  const existingUsers = await getPrisma().user.count();
  return decideSignUpRole({ existingUsers, allowSignup: getEnv().SWITCHBOARD_ALLOW_SIGNUP });
}
