import type { ConsoleUser } from "@/lib/auth/console-user";
import { decideSignUpRole } from "@/lib/auth/decide-sign-up-role";
import { withSignUpLock } from "@/lib/auth/with-sign-up-lock";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { getEnv } from "@/lib/env";
import { createUser } from "@/lib/users/create-user";

/** An identity as an SSO provider (GitHub, OIDC) reported it. */
export interface SsoIdentity {
  provider: string;
  providerAccountId: string;
  email: string | null | undefined;
  /** True only when the provider itself vouches for the email (OIDC email_verified, GitHub verified primary). */
  emailVerified: boolean;
  name: string | null | undefined;
  /** The operator's own identity provider (generic OIDC): may create members even with sign-up closed. */
  organisationIdp: boolean;
}

/** Why an SSO sign-in was refused; the login page words each one (SSO_REFUSAL_MESSAGES). */
export type SsoRefusal = "disabled" | "no_email" | "unverified_email" | "sign_up_closed";

export type SsoResolution = { ok: true; user: ConsoleUser } | { ok: false; reason: SsoRefusal };

const toConsoleUser = (user: ConsoleUser): ConsoleUser => ({ id: user.id, email: user.email, name: user.name, role: user.role });

/**
 * Maps an SSO sign-in to a Switchboard user: an already linked identity signs in as its user;
 * otherwise an existing user with the same email is linked, but only when the provider verified
 * that email (else anyone could claim an admin's address at a lax provider); otherwise a new
 * member is created under the sign-up policy. Disabled users are refused. Idempotent.
 */
export async function resolveSsoUser(identity: SsoIdentity): Promise<SsoResolution> {
  const prisma = getPrisma();
  const linked = await prisma.account.findUnique({
    where: { provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId } },
    select: { user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  if (linked) return linked.user.disabledAt ? { ok: false, reason: "disabled" } : { ok: true, user: toConsoleUser(linked.user) };

  const email = identity.email?.trim().toLowerCase();
  if (!email) return { ok: false, reason: "no_email" };

  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, disabledAt: true } });
  if (existing) {
    if (existing.disabledAt) return { ok: false, reason: "disabled" };
    if (!identity.emailVerified) {
      return { ok: false, reason: "unverified_email" };
    }
    // With open sign-up anyone could have registered this address with a password of their own
    // before its owner first came through SSO: the verified identity wins and that password goes.
    await linkAccount(existing.id, email, identity, { clearPassword: getEnv().SWITCHBOARD_ALLOW_SIGNUP });
    return { ok: true, user: toConsoleUser(existing) };
  }

  return withSignUpLock(async (existingUsers) => {
    const decision = decideSignUpRole({ existingUsers, allowSignup: getEnv().SWITCHBOARD_ALLOW_SIGNUP, viaOrganisationIdp: identity.organisationIdp });
    if (!decision.ok) return { ok: false, reason: "sign_up_closed" } as const;
    const created = await createUser({ email, role: decision.role, actor: { userId: null, label: `sso:${identity.provider}` } });
    await linkAccount(created.id, email, identity);
    return { ok: true, user: { id: created.id, email: created.email, name: created.name ?? identity.name ?? null, role: created.role } };
  });
}

async function linkAccount(userId: string, email: string, identity: SsoIdentity, options: { clearPassword?: boolean } = {}): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const account = await tx.account.create({ data: { userId, provider: identity.provider, providerAccountId: identity.providerAccountId } });
    const cleared = options.clearPassword ? (await tx.user.updateMany({ where: { id: userId, passwordHash: { not: null } }, data: { passwordHash: null } })).count > 0 : false;
    await recordAuditEvent(
      {
        actor: { userId, label: email },
        action: "account.link",
        targetType: "user",
        targetId: userId,
        after: { provider: identity.provider, accountId: account.id, ...(cleared ? { passwordCleared: true } : {}) },
      },
      tx,
    );
  });
}
