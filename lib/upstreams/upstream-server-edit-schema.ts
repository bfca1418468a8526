import { z } from "zod";
import { configValueSchema, envEntrySchema, headerEntrySchema, UPSTREAM_ENTRY_LIMITS, upstreamFieldSchemas, upstreamNameSchema } from "@/lib/upstreams/upstream-server-schema";

/**
 * One entry of an edited env or header list. Without `value` the stored value is kept (a secret
 * need not be typed again; it is never shown back); without `secret` the stored flag is kept, and
 * a new entry is secret.
 */
const editEntry = <Entry extends typeof envEntrySchema | typeof headerEntrySchema>(entry: Entry) =>
  z.strictObject({
    name: entry.shape.name,
    value: configValueSchema.shape.value.optional().describe("The new value; omit to keep the stored one"),
    secret: z.boolean().optional().describe("Encrypt at rest and never show back; omit to keep the stored flag (new entries are secret)"),
  });

export const envEditEntrySchema = editEntry(envEntrySchema);
export const headerEditEntrySchema = editEntry(headerEntrySchema);
export type ConfigValueEdit = z.output<typeof envEditEntrySchema>;

/**
 * PATCH /api/v1/servers/{name}, `sb server edit` and the console's edit form: the fields to
 * change; the rest stay. `env` and `headers` are the whole new list (an entry left out is
 * removed). A local server given `url` (or an http/sse transport) becomes remote, a remote one
 * given `command` (or the stdio transport) local: the old kind's settings are all dropped. A
 * `name` renames the server (renameUpstreamServer), on its own: editUpstreamServer refuses it.
 */
export const upstreamServerEditSchema = z
  .strictObject({
    name: upstreamNameSchema.optional().describe("A new name: renames the server, its tools become NEW__TOOL with their grants and deprecations (give it alone, or with expectedVersion)"),
    transport: z.enum(["stdio", "http", "sse"]).optional().describe("http (Streamable HTTP) or sse (legacy HTTP+SSE) for a remote server; switching between stdio and http/sse also needs command or url"),
    command: upstreamFieldSchemas.command.optional(),
    args: upstreamFieldSchemas.args.optional(),
    env: z.array(envEditEntrySchema).max(UPSTREAM_ENTRY_LIMITS.env).optional().describe("The new environment list; entries without value keep the stored value"),
    cwd: upstreamFieldSchemas.cwd.nullable().optional().describe("Working folder (absolute); null for the hub's"),
    url: upstreamFieldSchemas.url.optional(),
    headers: z.array(headerEditEntrySchema).max(UPSTREAM_ENTRY_LIMITS.headers).optional().describe("The new header list; entries without value keep the stored value"),
    timeoutMs: upstreamFieldSchemas.timeoutMs.optional(),
    maxConcurrency: upstreamFieldSchemas.maxConcurrency.optional(),
    expectedVersion: z
      .string()
      .regex(/^[0-9a-f]{16}$/, "must be the settingsVersion the server was read with")
      .optional()
      .describe("The settingsVersion these settings were read with: the edit is refused (409) when they changed since"),
  })
  .refine((edit) => edit.name === undefined || Object.entries(edit).every(([key, value]) => key === "name" || key === "expectedVersion" || value === undefined), {
    message: "rename the server on its own, then change its settings",
    path: ["name"],
    when: (payload) => payload.issues.length === 0,
  })
  // Only once the fields are valid: an unknown key alone should not also read "nothing to change".
  .refine((edit) => Object.entries(edit).some(([key, value]) => key !== "expectedVersion" && value !== undefined), { message: "give at least one field to change", when: (payload) => payload.issues.length === 0 });
export type UpstreamServerEdit = z.output<typeof upstreamServerEditSchema>;
