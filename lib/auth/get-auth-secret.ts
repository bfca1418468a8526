import { getEnv, type Env } from "@/lib/env";
import { readOrCreateSecretFile } from "@/lib/secrets/read-or-create-secret-file";

const SECRET_FILE = "auth-secret";
const MIN_SECRET_LENGTH = 32;

/**
 * The console's session-signing secret: AUTH_SECRET when set, otherwise a random secret
 * generated once into `<dataDir>/auth-secret` (mode 0600) and reused on every later start,
 * so sign-ins survive restarts. Synchronous because next-auth reads its options synchronously.
 */
export function getAuthSecret(env: Pick<Env, "AUTH_SECRET" | "dataDir"> = getEnv()): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  return readOrCreateSecretFile(env.dataDir, SECRET_FILE, MIN_SECRET_LENGTH);
}
