import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import type { CliIo } from "@/lib/cli/cli-io";
import { CliUsageError } from "@/lib/cli/cli-usage-error";
import { importService } from "@/lib/cli/import-service";
import { parseCommandOptions } from "@/lib/cli/parse-command-options";
import { Role } from "@/lib/generated/prisma/enums";
import { getUserByEmailOrThrow } from "@/lib/users/get-user-by-email-or-throw";

const USAGE = "sb tool grant NAME (--role R | --email E)";

/** `sb tool grant NAME --role R` or `--email E`, through lib/permissions' grantTool; `SERVER__*` grants a whole upstream server. */
export async function runToolGrant(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseCommandOptions(args, { role: { type: "string" }, email: { type: "string" } }, { positionals: 1, usage: USAGE });
  if ((values.role === undefined) === (values.email === undefined)) throw new CliUsageError(`Give exactly one of --role or --email. Usage: ${USAGE}`);
  if (values.role !== undefined && !(values.role in Role)) throw new CliUsageError(`Unknown role "${values.role}". Usage: ${USAGE}`);
  await io.openDatabase();
  const { grantTool } = await importService(() => import("@/lib/permissions/grant-tool"), "Tool grants");
  const userId = values.email !== undefined ? (await getUserByEmailOrThrow(values.email)).id : undefined;
  const serverName = /^(.+)__\*$/.exec(positionals[0])?.[1];
  if (serverName !== undefined) {
    const { grantServer } = await importService(() => import("@/lib/permissions/grant-server"), "Server grants");
    await grantServer({ serverName, role: values.role as Role | undefined, userId, actor: CLI_ACTOR });
  } else {
    await grantTool({ toolName: positionals[0], role: values.role as Role | undefined, userId, actor: CLI_ACTOR });
  }
  io.info(`Granted ${positionals[0]} to ${values.role !== undefined ? `role ${values.role}` : values.email}.`);
}
