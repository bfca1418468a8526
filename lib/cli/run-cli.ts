import type { CliIo } from "@/lib/cli/cli-io";
import { CliUsageError } from "@/lib/cli/cli-usage-error";
import { runKeyCreate } from "@/lib/cli/commands/run-key-create";
import { runKeyList } from "@/lib/cli/commands/run-key-list";
import { runKeyRevoke } from "@/lib/cli/commands/run-key-revoke";
import { runMigrate } from "@/lib/cli/commands/run-migrate";
import { runServerAdd } from "@/lib/cli/commands/run-server-add";
import { runServerApprove } from "@/lib/cli/commands/run-server-approve";
import { runServerEdit } from "@/lib/cli/commands/run-server-edit";
import { runServerList } from "@/lib/cli/commands/run-server-list";
import { runServerRemove } from "@/lib/cli/commands/run-server-remove";
import { runServerRename } from "@/lib/cli/commands/run-server-rename";
import { runServerShow } from "@/lib/cli/commands/run-server-show";
import { runToolDeprecate } from "@/lib/cli/commands/run-tool-deprecate";
import { runToolGrant } from "@/lib/cli/commands/run-tool-grant";
import { runUserCreate } from "@/lib/cli/commands/run-user-create";
import { DatabaseSetupError } from "@/lib/db/database-setup-error";
import { prepareDatabase, type PreparedDatabase } from "@/lib/db/prepare-database";
import { disconnectPrisma } from "@/lib/db/prisma";
import { EnvError } from "@/lib/env";
import { HubError } from "@/lib/errors/hub-error";

const COMMANDS = {
  migrate: runMigrate,
  "user create": runUserCreate,
  "key create": runKeyCreate,
  "key list": runKeyList,
  "key revoke": runKeyRevoke,
  "tool grant": runToolGrant,
  "tool deprecate": runToolDeprecate,
  "server add": runServerAdd,
  "server list": runServerList,
  "server show": runServerShow,
  "server edit": runServerEdit,
  "server rename": runServerRename,
  "server approve": runServerApprove,
  "server remove": runServerRemove,
} as const satisfies Record<string, (args: string[], io: CliIo) => Promise<void>>;

const USAGE = `usage: npm run -s sb -- <command>
  migrate
  user create --email E --password P [--role admin|member]
  key create --email E --name N [--tools a,b] [--rate-limit 60/1m] [--expires 30d]
  key list --email E
  key revoke --prefix P
  tool grant NAME (--role R | --email E)        (NAME__* grants every tool of server NAME)
  tool deprecate NAME [--replacement R] [--sunset YYYY-MM-DD] [--message M]
  server add NAME --command CMD [--arg A]... [--env K=V]... [--plain-env K=V]... [--cwd DIR]
  server add NAME --url URL [--transport http|sse] [--header "Name: value"]... [--plain-header "Name: value"]...
  server list
  server edit NAME [--command CMD] [--arg A]... [--clear-args] [--env K=V]... [--plain-env K=V]... [--unset-env K]... [--cwd DIR | --unset-cwd]
  server edit NAME [--url URL] [--transport http|sse] [--header "Name: value"]... [--plain-header "Name: value"]... [--unset-header Name]...
                                                (either kind: [--max-concurrency N] [--timeout SECONDS]; entries not named stay;
                                                 --url on a local server or --command on a remote one switches its kind)
  server rename OLD NEW                         (its tools become NEW__TOOL with their grants)
  server show NAME
  server approve NAME [--tool TOOL]
  server remove NAME`;

/**
 * Runs one `sb` command and returns the exit code: 0 done, 1 failed (one-line message on
 * stderr, never a stack trace), 2 usage error. Commands open the database after checking their
 * arguments (joining a running hub's embedded Postgres, or starting one that is stopped again
 * before returning).
 */
export async function runCli(argv: string[], io: Omit<CliIo, "openDatabase">): Promise<number> {
  const [first = "", second = ""] = argv;
  const name = (`${first} ${second}` in COMMANDS ? `${first} ${second}` : first) as keyof typeof COMMANDS;
  const command = COMMANDS[name];
  if (!command) {
    io.info(first === "" || first === "help" || first === "--help" ? USAGE : `sb: unknown command "${argv.slice(0, 2).join(" ")}"\n${USAGE}`);
    return first === "help" || first === "--help" ? 0 : 2;
  }
  const args = argv.slice(name.split(" ").length);
  let database: PreparedDatabase | undefined;
  let stopFanOut: (() => Promise<void>) | undefined;
  const openDatabase = async () => {
    database ??= await prepareDatabase({ owner: "cli", onProgress: (message) => io.info(message) });
    // With Redis configured, changes made here reach running hubs' sessions and caches at once.
    const { startEventFanOut } = await import("@/lib/events/start-event-fan-out");
    stopFanOut ??= await startEventFanOut();
  };
  try {
    await command(args, { ...io, openDatabase });
    return 0;
  } catch (error) {
    io.info(`sb: ${describeFailure(error)}`);
    return error instanceof CliUsageError ? 2 : 1;
  } finally {
    await stopFanOut?.().catch(() => {});
    await disconnectPrisma().catch(() => {});
    await database?.stop().catch(() => {});
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof HubError || error instanceof DatabaseSetupError || error instanceof EnvError || error instanceof CliUsageError) {
    return error.message.split("\n")[0];
  }
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${message.split("\n")[0]}`;
}
