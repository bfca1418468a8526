import { z } from "zod";

/**
 * Server names prefix their tools as NAME__TOOL: lowercase letters, digits and single hyphens,
 * no underscores (so the "__" separator is unambiguous), at most 32 characters.
 */
export const UPSTREAM_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

/** A server's name, as `server add` and `server rename` take it. */
export const upstreamNameSchema = z
  .string()
  .regex(UPSTREAM_NAME_PATTERN, "must be 1-32 lowercase letters, digits or hyphens (no underscores), e.g. github or files-2")
  .describe("Server name; its tools appear as NAME__TOOL");

/** One configured environment or header value; secret unless the admin says otherwise. */
export const configValueSchema = z.object({
  name: z.string().min(1).max(256).describe("Variable or header name"),
  value: z.string().max(8192).describe("The value (stored encrypted when secret)"),
  secret: z.boolean().default(true).describe("Secret values are encrypted at rest and never shown back; false shows the value"),
});
export type ConfigValueInput = z.input<typeof configValueSchema>;

/** An environment entry: a variable name the server sees. */
export const envEntrySchema = configValueSchema.extend({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, "must be an environment variable name like API_TOKEN").describe("Environment variable name"),
});
/** A header entry: a valid HTTP header name. */
export const headerEntrySchema = configValueSchema.extend({
  name: z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/, "must be an HTTP header name like Authorization").describe("Header name"),
});

/**
 * Most calls in flight to one upstream unless an admin sets otherwise. The cap is there so that
 * one hub cannot bury a server under every session's calls, not to queue a team: a call holds its
 * slot for the server's whole answer. At 16, the 20 concurrent sessions of the bench's smallest
 * scenario (and of a small team whose agents each make a call) left 4 calls waiting a full round
 * trip (upstream-extras.test.ts saw 16 of 20 in flight). 64 lets 20 sessions keep about 3 calls
 * each in flight at once, and still bounds a server well below the 256 an admin may allow.
 */
export const DEFAULT_UPSTREAM_MAX_CONCURRENCY = 64;

/** The fields of a stdio or remote server that `server edit` may change too (no defaults here). */
export const upstreamFieldSchemas = {
  command: z.string().min(1).max(1024).describe("Program to run (no shell), e.g. npx or /usr/local/bin/mcp-server"),
  args: z.array(z.string().max(4096)).max(64).describe("Arguments, one per item"),
  cwd: z.string().min(1).max(1024).describe("Working folder (absolute); default the hub's"),
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL like https://mcp.example.com/mcp" }).max(2048).describe("The server's MCP endpoint URL"),
  timeoutMs: z.number().int().min(1000).max(600_000).describe("Longest a call to this server may take, in ms"),
  maxConcurrency: z.number().int().min(1).max(256).describe(`Most calls in flight to this server at once (default ${DEFAULT_UPSTREAM_MAX_CONCURRENCY}); more wait their turn`),
} as const;

/** At most this many environment variables or headers per server. */
export const UPSTREAM_ENTRY_LIMITS = { env: 64, headers: 32 } as const;

const limitsShape = {
  timeoutMs: upstreamFieldSchemas.timeoutMs.default(60_000),
  maxConcurrency: upstreamFieldSchemas.maxConcurrency.default(DEFAULT_UPSTREAM_MAX_CONCURRENCY),
};

/** A server registration as the API, CLI and console submit it. */
export const upstreamServerInputSchema = z.discriminatedUnion("transport", [
  z.object({
    name: upstreamNameSchema,
    transport: z.literal("stdio").describe("Start a local command and speak MCP over its stdin/stdout"),
    command: upstreamFieldSchemas.command,
    args: upstreamFieldSchemas.args.default([]),
    env: z.array(envEntrySchema).max(UPSTREAM_ENTRY_LIMITS.env).default([]).describe("Environment variables (the server gets only these plus PATH and HOME)"),
    cwd: upstreamFieldSchemas.cwd.optional(),
    ...limitsShape,
  }),
  ...(["http", "sse"] as const).map((transport) =>
    z.object({
      name: upstreamNameSchema,
      transport: z.literal(transport).describe(transport === "http" ? "Remote server over Streamable HTTP" : "Remote server over legacy HTTP+SSE"),
      url: upstreamFieldSchemas.url,
      headers: z.array(headerEntrySchema).max(UPSTREAM_ENTRY_LIMITS.headers).default([]).describe("Static request headers, e.g. its own Authorization"),
      ...limitsShape,
    }),
  ),
]);
export type UpstreamServerInput = z.input<typeof upstreamServerInputSchema>;
export type UpstreamServerSpec = z.output<typeof upstreamServerInputSchema>;
