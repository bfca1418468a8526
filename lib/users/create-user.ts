import { checkPasswordStrength } from "@/lib/auth/check-password-strength";
import { hashPassword } from "@/lib/auth/hash-password";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { Role } from "@/lib/generated/prisma/enums";
import { normalizeEmail } from "@/lib/users/normalize-email";
import { USER_SUMMARY_SELECT, toUserSummary, type UserSummary } from "@/lib/users/user-summary";

export const MIN_PASSWORD_LENGTH = 12;

// Serialises user creation so that of two first users created at once exactly one is the admin.
// Distinct from lib/auth's sign-up lock, which is held by a caller of this function.
const FIRST_USER_LOCK_KEY = 0x5b0c7e01;

export interface CreateUserInput {
  email: string;
  /** At least 12 characters and hard to guess (checkPasswordStrength); omitted for SSO-only users. */
  password?: string;
  role?: Role;
  name?: string;
  /** Who did it; defaults to { userId: null, label: "system" }. */
  actor?: Actor;
}

/**
 * Creates a user with a lower-cased email. The very first user always becomes an admin
 * (someone must be able to administer the hub), whatever `role` says. Audited in the same
 * transaction. Every path that sets a password (sign-up, invite, admin, API, CLI) comes here.
 * Throws HubError validation_failed (email, short or guessable password, saying why; unknown role) or
 * conflict (email taken).
 */
export async function createUser(input: CreateUserInput): Promise<UserSummary> {
  const email = normalizeEmail(input.email);
  if (!email.ok) throw new HubError("validation_failed", email.message);
  if (input.role !== undefined && !(input.role in Role)) {
    throw new HubError("validation_failed", `Unknown role "${input.role}": expected one of ${Object.keys(Role).join(", ")}`);
  }
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    throw new HubError("validation_failed", `Password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (input.password !== undefined) {
    const strength = checkPasswordStrength(input.password, [email.email, input.name ?? ""]);
    if (!strength.ok) throw new HubError("validation_failed", strength.message);
  }
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const actor = input.actor ?? { userId: null, label: "system" };
  const row = await getPrisma().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_USER_LOCK_KEY})`;
    if (await tx.user.findUnique({ where: { email: email.email }, select: { id: true } })) {
      throw new HubError("conflict", `A user with email ${email.email} already exists`);
    }
    const role = (await tx.user.count()) === 0 ? Role.admin : (input.role ?? Role.member);
    const created = await tx.user.create({
      data: { email: email.email, name: input.name?.trim() || null, role, passwordHash },
      select: USER_SUMMARY_SELECT,
    });
    await recordAuditEvent(
      { actor, action: "user.create", targetType: "user", targetId: created.id, after: { email: created.email, role, hasPassword: passwordHash !== null } },
      tx,
    );
    return created;
  });
  return toUserSummary(row);
}
