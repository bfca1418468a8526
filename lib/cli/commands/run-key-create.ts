import { createApiKey } from "@/lib/api-keys/create-api-key";
import { parseExpiry } from "@/lib/api-keys/parse-expiry";
import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import type { CliIo } from "@/lib/cli/cli-io";
import { CliUsageError } from "@/lib/cli/cli-usage-error";
import { parseCommandOptions } from "@/lib/cli/parse-command-options";
import { parseRateLimitPolicy } from "@/lib/rate-limit/parse-rate-limit-policy";
import { getUserByEmailOrThrow } from "@/lib/users/get-user-by-email-or-throw";

const USAGE = "sb key create --email E --name N [--tools a,b] [--rate-limit 60/1m] [--expires 30d]";

/** `sb key create`: prints only the new secret on stdout (details on stderr). */
export async function runKeyCreate(args: string[], io: CliIo): Promise<void> {
  const { values } = parseCommandOptions(
    args,
    { email: { type: "string" }, name: { type: "string" }, tools: { type: "string" }, "rate-limit": { type: "string" }, expires: { type: "string" } },
    { required: ["email", "name"], usage: USAGE },
  );
  const rateLimit = values["rate-limit"];
  if (rateLimit !== undefined) {
    const policy = parseRateLimitPolicy(rateLimit);
    if (!policy.ok) throw new CliUsageError(`${policy.message}. Usage: ${USAGE}`);
  }
  let expiresAt: Date | undefined;
  if (values.expires !== undefined) {
    const expiry = parseExpiry(values.expires);
    if (!expiry.ok) throw new CliUsageError(`${expiry.message}. Usage: ${USAGE}`);
    expiresAt = expiry.expiresAt;
  }
  await io.openDatabase();
  const user = await getUserByEmailOrThrow(values.email!);
  const { key, secret } = await createApiKey({
    userId: user.id,
    name: values.name!,
    allowedTools: values.tools?.split(",") ?? [],
    rateLimitPolicy: rateLimit ?? null,
    expiresAt,
    actor: CLI_ACTOR,
  });
  io.info(`Created key ${key.prefix}… "${key.name}" for ${user.email}${key.expiresAt ? `, expires ${key.expiresAt.toISOString()}` : ""}. It is shown only once.`);
  io.out(secret);
}
