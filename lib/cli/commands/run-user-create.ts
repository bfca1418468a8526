import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import type { CliIo } from "@/lib/cli/cli-io";
import { CliUsageError } from "@/lib/cli/cli-usage-error";
import { parseCommandOptions } from "@/lib/cli/parse-command-options";
import { Role } from "@/lib/generated/prisma/enums";
import { createUser } from "@/lib/users/create-user";

const USAGE = "sb user create --email E --password P [--role admin|member]";

/** `sb user create`: prints the new user's id on stdout. */
export async function runUserCreate(args: string[], io: CliIo): Promise<void> {
  const { values } = parseCommandOptions(
    args,
    { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
    { required: ["email", "password"], usage: USAGE },
  );
  if (values.role !== undefined && !(values.role in Role)) throw new CliUsageError(`Unknown role "${values.role}". Usage: ${USAGE}`);
  await io.openDatabase();
  const user = await createUser({
    email: values.email!,
    password: values.password!,
    role: values.role as Role | undefined,
    name: values.name,
    actor: CLI_ACTOR,
  });
  if (values.role && user.role !== values.role) io.info(`Note: the first user always becomes an admin.`);
  io.info(`Created ${user.role} ${user.email}`);
  io.out(user.id);
}
