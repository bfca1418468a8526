/**
 * A database start-up problem the operator must fix (unreachable server, changed migration,
 * busy port, unwritable data folder). The message is one line that names the cause and the fix;
 * the CLI and the hub print it as-is, without a stack trace.
 */
export class DatabaseSetupError extends Error {
  override name = "DatabaseSetupError";
}
