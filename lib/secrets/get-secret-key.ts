import { createHash } from "node:crypto";
import { getEnv, type Env } from "@/lib/env";
import { readOrCreateSecretFile } from "@/lib/secrets/read-or-create-secret-file";

const KEY_FILE = "secret-key";
const MIN_KEY_TEXT_LENGTH = 32;

/**
 * The 32-byte AES-256-GCM key for upstream secrets: the SHA-256 of SWITCHBOARD_SECRET_KEY when
 * set (every instance and the CLI must share it), otherwise of a secret generated once into
 * `<dataDir>/secret-key` (mode 0600). Hashing lets any long random text serve as the key.
 */
export function getSecretKey(env: Pick<Env, "SWITCHBOARD_SECRET_KEY" | "dataDir"> = getEnv()): Buffer {
  const text = env.SWITCHBOARD_SECRET_KEY ?? readOrCreateSecretFile(env.dataDir, KEY_FILE, MIN_KEY_TEXT_LENGTH);
  return createHash("sha256").update(text).digest();
}
