import { Role } from "@/lib/generated/prisma/enums";

export type SignUpDecision = { ok: true; role: Role } | { ok: false; message: string };

export const SIGN_UP_CLOSED_MESSAGE = "Sign-up is closed on this hub. Ask an admin to create your account.";

/**
 * Who may create their own account, and with which role. The very first account becomes the
 * admin (someone has to be); after that, self sign-up needs SWITCHBOARD_ALLOW_SIGNUP=true.
 * `viaOrganisationIdp` is for the generic OIDC provider: the operator configured that issuer, so
 * it already decides who belongs, unlike GitHub where anyone can hold an account.
 */
export function decideSignUpRole(facts: { existingUsers: number; allowSignup: boolean; viaOrganisationIdp?: boolean }): SignUpDecision {
  if (facts.existingUsers === 0) return { ok: true, role: Role.admin };
  if (facts.allowSignup || facts.viaOrganisationIdp) return { ok: true, role: Role.member };
  return { ok: false, message: SIGN_UP_CLOSED_MESSAGE };
}
