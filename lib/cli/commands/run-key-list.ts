import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import type { CliIo } from "@/lib/cli/cli-io";
import { formatTable } from "@/lib/cli/format-table";
import { parseCommandOptions } from "@/lib/cli/parse-command-options";
import { getUserByEmailOrThrow } from "@/lib/users/get-user-by-email-or-throw";

/** `sb key list`: a table of the user's keys on stdout (never secrets or hashes). */
export async function runKeyList(args: string[], io: CliIo): Promise<void> {
  const { values } = parseCommandOptions(args, { email: { type: "string" } }, { required: ["email"], usage: "sb key list --email E" });
  await io.openDatabase();
  const user = await getUserByEmailOrThrow(values.email!);
  const keys = await listApiKeys(user.id);
  if (keys.length === 0) {
    io.info(`${user.email} has no API keys.`);
    return;
  }
  const now = Date.now();
  // A parent is always the same user's key, so the list itself names it.
  const prefixById = new Map(keys.map((key) => [key.id, key.prefix]));
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace("T", " ") : "-");
  io.out(
    formatTable(
      ["PREFIX", "NAME", "STATUS", "TOOLS", "RATE LIMIT", "MINTED BY", "EXPIRES", "LAST USED", "CREATED"],
      keys.map((key) => [
        key.prefix,
        key.name,
        key.revokedAt ? "revoked" : key.expiresAt && key.expiresAt.getTime() <= now ? "expired" : "active",
        key.allowedTools.length ? key.allowedTools.join(",") : "(all)",
        key.rateLimitPolicy ?? "(default)",
        key.parentKeyId ? (prefixById.get(key.parentKeyId) ?? "-") : "-",
        day(key.expiresAt),
        day(key.lastUsedAt),
        day(key.createdAt),
      ]),
    ),
  );
}
