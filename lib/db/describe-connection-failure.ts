/**
 * One line explaining why Postgres at `url` could not be used, naming the host (never the
 * password) and the usual fix. `error` is whatever `pg` threw.
 */
export function describeConnectionFailure(url: string, error: unknown): string {
  const { host, database, user } = describeTarget(url);
  const code = (error as { code?: string } | undefined)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "ECONNREFUSED":
      return `Cannot reach Postgres at ${host} (connection refused): start the server, fix DATABASE_URL, or unset DATABASE_URL to use the embedded database.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot resolve the Postgres host in DATABASE_URL (${host}): fix the host name, or unset DATABASE_URL to use the embedded database.`;
    case "ETIMEDOUT":
      return `Timed out connecting to Postgres at ${host}: check the network/firewall, or unset DATABASE_URL to use the embedded database.`;
    case "28P01":
    case "28000":
      return `Postgres at ${host} refused user "${user}" (${detail}): fix the user/password in DATABASE_URL.`;
    case "3D000":
      return `Database "${database}" does not exist on ${host}: create it (createdb ${database}) or fix DATABASE_URL.`;
    default:
      return `Cannot use Postgres at ${host}: ${detail.split("\n")[0]}. Check DATABASE_URL.`;
  }
}

function describeTarget(url: string): { host: string; database: string; user: string } {
  try {
    const parsed = new URL(url);
    return {
      host: `${parsed.hostname || "localhost"}:${parsed.port || "5432"}`,
      database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres",
      user: decodeURIComponent(parsed.username) || "postgres",
    };
  } catch {
    return { host: "(unparseable DATABASE_URL)", database: "?", user: "?" };
  }
}
