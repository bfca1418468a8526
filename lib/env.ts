import path from "node:path";
import { z } from "zod";

const booleanSetting = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const optionalUrl = z.url().optional();
const urlWithScheme = (schemes: RegExp, example: string) =>
  z.url({ protocol: schemes, error: `must be a URL like ${example}` }).optional();

/** Every setting the hub reads, each with how to fix it when wrong. */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production").describe("Node environment"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe("HTTP port, e.g. PORT=3000"),
  HOST: z.string().default("0.0.0.0").describe("Interface to listen on, e.g. HOST=127.0.0.1"),
  DATABASE_URL: urlWithScheme(/^postgres(ql)?$/, "postgresql://user:pass@host:5432/db").describe("External Postgres, e.g. postgresql://user:pass@host:5432/db; unset = embedded"),
  SWITCHBOARD_DATA_DIR: z.string().min(1).default(".switchboard").describe("Data folder for the embedded database and generated secrets"),
  SWITCHBOARD_PUBLIC_URL: optionalUrl.describe("URL clients use, e.g. https://mcp.example.com"),
  SWITCHBOARD_ALLOWED_HOSTS: z.string().optional().describe("Comma-separated Host names accepted besides the public URL's and localhost"),
  SWITCHBOARD_WORKSPACE_ROOT: z.string().optional().describe("Folder the workspace tools may read (default: <data dir>/workspace)"),
  SWITCHBOARD_ALLOW_SIGNUP: booleanSetting.default(false).describe("Allow self sign-up after the first (admin) user: true or false"),
  SWITCHBOARD_INSTANCE_ID: z.string().regex(/^[a-z0-9]{1,16}$/).optional().describe("Instance id carried in session ids (lowercase letters/digits, max 16)"),
  SWITCHBOARD_SESSION_TTL_SECONDS: z.coerce.number().int().min(10).default(1800).describe("Idle MCP session lifetime in seconds"),
  SWITCHBOARD_TRUST_PROXY: booleanSetting.default(false).describe("Trust X-Forwarded-For from a reverse proxy in front of the hub: true or false"),
  SWITCHBOARD_MAX_SESSIONS_PER_KEY: z.coerce.number().int().min(1).default(100).describe("Most live MCP sessions one API key may hold"),
  SWITCHBOARD_MAX_SESSIONS: z.coerce.number().int().min(1).default(20_000).describe("Most live MCP sessions the instance holds"),
  SWITCHBOARD_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576).describe("Largest accepted MCP request body in bytes"),
  SWITCHBOARD_MAX_STREAM_BUFFER_BYTES: z.coerce.number().int().min(65_536).default(8_388_608).describe("Most bytes an event stream may hold unsent (a client that stopped reading) before its session is closed"),
  SWITCHBOARD_MAX_SESSIONS_PER_USER: z.coerce.number().int().min(1).default(1_000).describe("Most live MCP sessions one user may hold over all their keys (at most half of SWITCHBOARD_MAX_SESSIONS)"),
  SWITCHBOARD_METRICS_TOKEN: z.string().min(16).optional().describe("Bearer token for GET /metrics (admin API keys work too); at least 16 characters"),
  SWITCHBOARD_RATE_LIMIT_FAILURE_MODE: z.enum(["open", "closed"]).default("open").describe("When Redis is unreachable or slow: open (local limiter) or closed (refuse with 503)"),
  SWITCHBOARD_RATE_LIMIT_TIMEOUT_MS: z.coerce.number().int().min(5).max(5_000).default(50).describe("Longest a rate-limit decision may wait for Redis before the failure mode applies, in ms"),
  SWITCHBOARD_CALL_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).default(30).describe("Days of raw call logs kept before only rollups remain"),
  SWITCHBOARD_CONSOLE_SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(12).describe("Console sign-in lifetime in hours"),
  REDIS_URL: urlWithScheme(/^rediss?$/, "redis://127.0.0.1:6379").describe("Redis for rate limits shared by every instance, e.g. redis://127.0.0.1:6379"),
  UPSTASH_REDIS_REST_URL: optionalUrl.describe("Upstash REST URL (with UPSTASH_REDIS_REST_TOKEN)"),
  UPSTASH_REDIS_REST_TOKEN: z.string().optional().describe("Upstash REST token"),
  SWITCHBOARD_SECRET_KEY: z.string().min(32).optional().describe("Key for upstream secrets at rest (AES-256-GCM), at least 32 characters, the same on every instance; generated into the data folder when unset"),
  SWITCHBOARD_TOOL_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60).describe("Longest a call to one of the hub's own tools may run before it is aborted, in seconds (an upstream server's tools follow its own --timeout)"),
  SWITCHBOARD_UPSTREAM_RESYNC_SECONDS: z.coerce.number().int().min(5).default(300).describe("How often the hub re-reads every upstream server's tools, in seconds (servers that announce changes are re-read at once)"),
  AUTH_SECRET: z.string().min(32).optional().describe("Console session signing secret, at least 32 characters; generated when unset"),
  GITHUB_ID: z.string().optional().describe("GitHub OAuth client id (with GITHUB_SECRET) enables GitHub sign-in"),
  GITHUB_SECRET: z.string().optional().describe("GitHub OAuth client secret"),
  OIDC_ISSUER: optionalUrl.describe("OpenID Connect issuer URL (with OIDC_CLIENT_ID and OIDC_CLIENT_SECRET)"),
  OIDC_CLIENT_ID: z.string().optional().describe("OpenID Connect client id"),
  OIDC_CLIENT_SECRET: z.string().optional().describe("OpenID Connect client secret"),
  SWITCHBOARD_CONSOLE: z.enum(["on", "off"]).default("on").describe("Serve the web console (Next) besides MCP: on, or off for an MCP-only hub (tests, headless)"),
  SWITCHBOARD_OAUTH: z.enum(["on", "off"]).default("on").describe("Serve the OAuth 2.1 authorization server (sign-in instead of a pasted key): on, or off for API keys only"),
  SWITCHBOARD_DEV: booleanSetting.default(false).describe("Run the console with Next's dev server (npm run dev): true or false"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info").describe("Log level"),
  LOG_FORMAT: z.enum(["json", "text"]).optional().describe("json: one JSON object per line; text: readable lines (the default on a terminal)"),
});

export type Env = z.infer<typeof envSchema> & {
  /** Absolute data folder. */
  dataDir: string;
  /** Absolute workspace root for the workspace tools. */
  workspaceRoot: string;
  /** Public URL without a trailing slash. */
  publicUrl: string;
};

/** Raised for a wrong or missing setting; the message names the variable and the fix. */
export class EnvError extends Error {
  override name = "EnvError";
}

let cached: Env | undefined;

/** Parses the environment once; later calls return the same object. Throws EnvError. */
export function getEnv(source: NodeJS.ProcessEnv = process.env): Env {
  if (cached && source === process.env) return cached;
  const parsed = parseEnv(source);
  if (source === process.env) cached = parsed;
  return parsed;
}

/** Pure parse of a settings object, for tests and for getEnv. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? "environment");
    const hint = envSchema.shape[name as keyof typeof envSchema.shape]?.description;
    throw new EnvError(`Invalid setting ${name}: ${issue.message}.${hint ? ` Expected: ${hint}.` : ""}`);
  }
  const values = result.data;
  if (Boolean(values.GITHUB_ID) !== Boolean(values.GITHUB_SECRET)) {
    throw new EnvError("Invalid setting GITHUB_ID/GITHUB_SECRET: set both to enable GitHub sign-in, or neither.");
  }
  if (values.OIDC_ISSUER && !(values.OIDC_CLIENT_ID && values.OIDC_CLIENT_SECRET)) {
    throw new EnvError("Invalid setting OIDC_ISSUER: also set OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.");
  }
  if (Boolean(values.UPSTASH_REDIS_REST_URL) !== Boolean(values.UPSTASH_REDIS_REST_TOKEN)) {
    throw new EnvError("Invalid setting UPSTASH_REDIS_REST_URL/UPSTASH_REDIS_REST_TOKEN: set both, or neither.");
  }
  // turbopackIgnore: runtime folders, not build inputs; without it Turbopack traces the whole project and warns.
  const dataDir = path.resolve(/* turbopackIgnore: true */ values.SWITCHBOARD_DATA_DIR);
  return {
    ...values,
    dataDir,
    workspaceRoot: path.resolve(/* turbopackIgnore: true */ values.SWITCHBOARD_WORKSPACE_ROOT ?? path.join(dataDir, "workspace")),
    publicUrl: (values.SWITCHBOARD_PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/+$/, ""),
  };
}
