import { getPrisma } from "@/lib/db/prisma";
import type { ConsoleUser } from "@/lib/auth/console-user";
import { signInSchema } from "@/lib/auth/sign-in-schema";
import { verifyPassword } from "@/lib/auth/verify-password";
import { assertAuthAttemptAllowed, noteAuthFailure } from "@/lib/rate-limit/check-auth-failure-limit";

/**
 * A hash of a random, discarded password with the live scrypt parameters. Unknown and SSO-only
 * users are verified against it so every refusal costs one scrypt run, like a wrong password:
 * response time does not reveal which emails have accounts.
 */
const DUMMY_HASH = "scrypt$32768$8$1$nFqtNmOePoplYtO7moOUCw==$V+6FvDRWoLaDbaP4b2h/BQ74eev9ZM8lRgFZWTsD5NU=";

/**
 * Checks an email + password pair for next-auth's Credentials provider. Returns the user, or
 * null for every refusal (malformed input, unknown email, no password set, wrong password,
 * disabled account) so the caller can only ever say "Wrong email or password". Failures count
 * against the client IP's authentication-failure limit (shared with MCP key checks); once it
 * is exceeded this throws HubError rate_limited before looking at the password.
 */
export async function authorizeCredentials(credentials: unknown, clientIp: string): Promise<ConsoleUser | null> {
  await assertAuthAttemptAllowed(clientIp);
  const user = await checkCredentials(credentials);
  if (!user) await noteAuthFailure(clientIp);
  return user;
}

async function checkCredentials(credentials: unknown): Promise<ConsoleUser | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await getPrisma().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true },
  });
  const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !matches || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
