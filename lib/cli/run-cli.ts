import type { CliIo } from "@/lib/cli/cli-io";
import { CliUsageError } from "@/lib/cli/cli-usage-error";
import { DatabaseSetupError } from "@/lib/db/database-setup-error";
import type { PreparedDatabase } from "@/lib/db/prepare-database";
import { EnvError } from "@/lib/env";
import { HubError } from "@/lib/errors/hub-error";

type Command = (args: string[], io: CliIo) => Promise<void>;

// Each command's module is loaded only when it runs: loading all of them (the upstream client,
// the tool catalogue, …) cost every `sb` call about 0.4 s of CPU, a third of a `key list`.
const COMMANDS = {
  migrate: async () => (await import("@/lib/cli/commands/run-migrate")).runMigrate,
  "user create": async () => (await import("@/lib/cli/commands/run-user-create")).runUserCreate,
  "key create": async () => (await import("@/lib/cli/commands/run-key-create")).runKeyCreate,
  "key list": async () => (await import("@/lib/cli/commands/run-key-list")).runKeyList,
  "key revoke": async () => (await import("@/lib/cli/commands/run-key-revoke")).runKeyRevoke,
  "tool grant": async () => (await import("@/lib/cli/commands/run-tool-grant")).runToolGrant,
  "tool deprecate": async () => (await import("@/lib/cli/commands/run-tool-deprecate")).runToolDeprecate,
  "server add": async () => (await import("@/lib/cli/commands/run-server-add")).runServerAdd,
  "server list": async () => (await import("@/lib/cli/commands/run-server-list")).runServerList,
  "server show": async () => (await import("@/lib/cli/commands/run-server-show")).runServerShow,
  "server edit": async () => (await import("@/lib/cli/commands/run-server-edit")).runServerEdit,
  "server rename": async () => (await import("@/lib/cli/commands/run-server-rename")).runServerRename,
  "server approve": async () => (await import("@/lib/cli/commands/run-server-approve")).runServerApprove,
  "server remove": async () => (await import("@/lib/cli/commands/run-server-remove")).runServerRemove,
} as const satisfies Record<string, () => Promise<Command>>;

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
  server approve NAME [--tool TOOL [--fingerprint F]]
                                                (F as server show prints it: approves only the version you reviewed)
  server remove NAME`;

/**
 * Runs one `sb` command and returns the exit code: 0 done, 1 failed (one-line message on
 * stderr, never a stack trace), 2 usage error. Commands open the database after checking their
 * arguments (joining a running hub's embedded Postgres, or starting one that is stopped again
 * before returning).
 */
export async function runCli(argv: string[], io: Omit<CliIo, "openDatabase">): Promise<number> {
  const [first = "", second = ""] = argv;
  const name = (Object.hasOwn(COMMANDS, `${first} ${second}`) ? `${first} ${second}` : first) as keyof typeof COMMANDS;
  const loadCommand = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!loadCommand) {
    io.info(first === "" || first === "help" || first === "--help" ? USAGE : `sb: unknown command "${argv.slice(0, 2).join(" ")}"\n${USAGE}`);
    return first === "help" || first === "--help" ? 0 : 2;
  }
  const args = argv.slice(name.split(" ").length);
  let opened = false;
  let database: PreparedDatabase | undefined;
  let stopFanOut: (() => Promise<void>) | undefined;
  const openDatabase = async () => {
    opened = true;
    const { prepareDatabase } = await import("@/lib/db/prepare-database");
    database ??= await prepareDatabase({ owner: "cli", onProgress: (message) => io.info(message) });
    // With Redis configured, changes made here reach running hubs' sessions and caches at once.
    const { startEventFanOut } = await import("@/lib/events/start-event-fan-out");
    stopFanOut ??= await startEventFanOut();
  };
  try {
    const command = await loadCommand();
    await command(args, { ...io, openDatabase });
    return 0;
  } catch (error) {
    io.info(`sb: ${describeFailure(error)}`);
    return error instanceof CliUsageError ? 2 : 1;
  } finally {
    await stopFanOut?.().catch(() => {});
    // Only a command that opened the database has a pool to close (loading Prisma costs time).
    if (opened) await (await import("@/lib/db/prisma")).disconnectPrisma().catch(() => {});
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
