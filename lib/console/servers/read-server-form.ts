import { parseConfigEntries } from "@/lib/upstreams/parse-config-entries";
import { upstreamServerInputSchema, type UpstreamServerSpec } from "@/lib/upstreams/upstream-server-schema";

/** The Servers page's add form: one text per field; lists are one entry per line. */
export const SERVER_FORM_FIELDS = ["name", "transport", "command", "args", "env", "plainEnv", "cwd", "url", "headers", "plainHeaders"] as const;
export type ServerFormValues = Partial<Record<(typeof SERVER_FORM_FIELDS)[number], string>>;

const lines = (text: string | undefined) => (text ?? "").split(/\r?\n/).map((line) => line.trimEnd()).filter((line) => line.trim() !== "");

/**
 * The registration the add form describes, validated by the same schema as the API and the CLI.
 * Pure; on failure a message and the first problem per form field.
 */
export function readServerForm(values: ServerFormValues): { ok: true; spec: UpstreamServerSpec } | { ok: false; message: string; fieldErrors: Record<string, string> } {
  const transport = values.transport ?? "stdio";
  const secretEnv = parseConfigEntries(lines(values.env), "env", true);
  const plainEnv = parseConfigEntries(lines(values.plainEnv), "env", false);
  const secretHeaders = parseConfigEntries(lines(values.headers), "header", true);
  const plainHeaders = parseConfigEntries(lines(values.plainHeaders), "header", false);
  for (const [field, parsed] of [["env", secretEnv], ["plainEnv", plainEnv], ["headers", secretHeaders], ["plainHeaders", plainHeaders]] as const) {
    if (!parsed.ok) return { ok: false, message: "Check the highlighted fields.", fieldErrors: { [field]: `Each line ${parsed.message}.` } };
  }
  const spec =
    transport === "stdio"
      ? { name: values.name, transport, command: values.command, args: lines(values.args), env: [...(secretEnv.ok ? secretEnv.entries : []), ...(plainEnv.ok ? plainEnv.entries : [])], ...(values.cwd ? { cwd: values.cwd } : {}) }
      : { name: values.name, transport, url: values.url, headers: [...(secretHeaders.ok ? secretHeaders.entries : []), ...(plainHeaders.ok ? plainHeaders.entries : [])] };
  const parsed = upstreamServerInputSchema.safeParse(spec);
  if (parsed.success) return { ok: true, spec: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "name")] ??= issue.message;
  return { ok: false, message: "Check the highlighted fields.", fieldErrors };
}
