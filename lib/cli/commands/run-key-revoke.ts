import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import type { CliIo } from "@/lib/cli/cli-io";
import { parseCommandOptions } from "@/lib/cli/parse-command-options";

/** `sb key revoke --prefix P`. */
export async function runKeyRevoke(args: string[], io: CliIo): Promise<void> {
  const { values } = parseCommandOptions(args, { prefix: { type: "string" } }, { required: ["prefix"], usage: "sb key revoke --prefix P" });
  await io.openDatabase();
  const { key, changed, descendantsRevoked } = await revokeApiKey({ prefix: values.prefix!, actor: CLI_ACTOR });
  io.info(changed ? `Revoked key ${key.prefix} "${key.name}".` : `Key ${key.prefix} was already revoked.`);
  if (descendantsRevoked > 0) io.info(`Also revoked ${descendantsRevoked} key${descendantsRevoked === 1 ? "" : "s"} minted with it.`);
}
