import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The secret kept in `<dataDir>/<fileName>` (mode 0600), generated once (48 random bytes,
 * base64url) and reused on every later start. The file appears atomically (written aside, then
 * hard-linked, which fails if it already exists), so processes starting together agree on one
 * complete secret. Throws when the file holds fewer than `minLength` characters.
 */
export function readOrCreateSecretFile(dataDir: string, fileName: string, minLength: number): string {
  const file = path.join(dataDir, fileName);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
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
  if (secret.length < minLength) throw new Error(`${file} holds a secret shorter than ${minLength} characters: delete it to generate a new one`);
  return secret;
}
