import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv, type Env } from "@/lib/env";

const SECRET_FILE = "auth-secret";
const MIN_SECRET_LENGTH = 32;

/**
 * The console's session-signing secret: AUTH_SECRET when set, otherwise a random secret
 * generated once into `<dataDir>/auth-secret` (mode 0600) and reused on every later start,
 * so sign-ins survive restarts. The file appears atomically (written aside, then hard-linked,
 * which fails if it already exists), so processes starting together agree on one complete
 * secret. Synchronous because next-auth reads its options synchronously.
 */
export function getAuthSecret(env: Pick<Env, "AUTH_SECRET" | "dataDir"> = getEnv()): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(env.dataDir, SECRET_FILE);
  if (!existsSync(file)) {
    mkdirSync(env.dataDir, { recursive: true, mode: 0o700 });
    const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    writeFileSync(draft, randomBytes(48).toString("base64url"), { flag: "wx", mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  // A copied data folder may have lost the mode; the secret must stay private either way.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`${file} holds a secret shorter than ${MIN_SECRET_LENGTH} characters: delete it to generate a new one`);
  }
  return secret;
}
