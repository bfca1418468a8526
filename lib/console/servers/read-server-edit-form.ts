import { parseConfigEntries } from "@/lib/upstreams/parse-config-entries";
import { upstreamServerEditSchema, type ConfigValueEdit, type UpstreamServerEdit } from "@/lib/upstreams/upstream-server-edit-schema";

/**
 * The Servers page's edit form, one text per field: `kind` (stdio or remote), the settings of
 * that kind, each stored env/header entry as `entry.N.name`, `entry.N.stored` ("secret" or
 * "plain"), `entry.N.value`, and the checkboxes `entry.N.secret` and `entry.N.remove`, then new
 * entries one per line in `addSecret` and `addPlain`; `expectedVersion` (the settingsVersion the
 * form was loaded with) and, for stdio, `argsLoaded` (the arguments as loaded, a JSON array).
 */
export type ServerEditFormValues = Record<string, string | undefined>;

const lines = (text: string | undefined) => (text ?? "").split(/\r?\n/).map((line) => line.trimEnd()).filter((line) => line.trim() !== "");

type Failure = { ok: false; message: string; fieldErrors: Record<string, string> };
const failure = (field: string, error: string): Failure => ({ ok: false, message: "Check the highlighted fields.", fieldErrors: { [field]: error } });

/**
 * The edit the form describes, validated by the same schema as the API and the CLI. Pure. A
 * stored secret whose value field is left blank is kept (it is never sent to the page); a plain
 * entry's value is taken as shown. Arguments whose text is still the one loaded are left out
 * of the edit (kept byte for byte: the textarea's line reading trims trailing spaces and drops
 * blank lines, which would rewrite them). On failure a message and the first problem per form field.
 */
export function readServerEditForm(values: ServerEditFormValues): { ok: true; edit: UpstreamServerEdit } | Failure {
  const local = values.kind === "stdio";
  const kind = local ? "env" : "header";
  const entries: ConfigValueEdit[] = [];
  // The form field each entry came from, for pointing at the one that is wrong.
  const origins: string[] = [];
  for (let index = 0; values[`entry.${index}.name`] !== undefined; index += 1) {
    if (values[`entry.${index}.remove`] !== undefined) continue;
    const name = values[`entry.${index}.name`] ?? "";
    const value = values[`entry.${index}.value`] ?? "";
    const secret = values[`entry.${index}.secret`] !== undefined;
    entries.push(values[`entry.${index}.stored`] === "secret" && value === "" ? { name, secret } : { name, value, secret });
    origins.push(`entry.${index}`);
  }
  for (const [field, secret] of [["addSecret", true], ["addPlain", false]] as const) {
    const added = parseConfigEntries(lines(values[field]), kind, secret);
    if (!added.ok) return failure(field, `Each line ${added.message}.`);
    for (const entry of added.entries) {
      // A new line for a stored name replaces it (the form says so), rather than listing it twice.
      const stored = entries.findIndex((existing, index) => existing.name === entry.name && origins[index].startsWith("entry."));
      if (stored >= 0) {
        entries.splice(stored, 1);
        origins.splice(stored, 1);
      }
      entries.push({ name: entry.name, value: entry.value, secret });
      origins.push(field);
    }
  }
  const limits: Record<string, number> = {};
  for (const [field, key, scale] of [["timeoutSeconds", "timeoutMs", 1000], ["maxConcurrency", "maxConcurrency", 1]] as const) {
    const text = values[field]?.trim() ?? "";
    if (text === "") continue;
    if (!/^\d{1,7}$/.test(text)) return failure(field, "Must be a whole number.");
    limits[key] = Number(text) * scale;
  }
  const version = values.expectedVersion ? { expectedVersion: values.expectedVersion } : {};
  const edit = local
    ? { command: values.command, ...(argsUntouched(values) ? {} : { args: lines(values.args) }), cwd: values.cwd?.trim() ? values.cwd.trim() : null, env: entries, ...limits, ...version }
    : { url: values.url, transport: values.transport, headers: entries, ...limits, ...version };
  const parsed = upstreamServerEditSchema.safeParse(edit);
  if (parsed.success) return { ok: true, edit: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const [field, index] = issue.path;
    const name = field === "env" || field === "headers" ? ((typeof index === "number" && origins[index]) || "addSecret") : field === "timeoutMs" ? "timeoutSeconds" : String(field ?? "command");
    fieldErrors[name] ??= issue.message;
  }
  return { ok: false, message: "Check the highlighted fields.", fieldErrors };
}

/** Whether the arguments textarea still reads as loaded (a browser posts its newlines as CRLF). */
function argsUntouched(values: ServerEditFormValues): boolean {
  if (values.argsLoaded === undefined) return false;
  try {
    const loaded: unknown = JSON.parse(values.argsLoaded);
    return Array.isArray(loaded) && loaded.join("\n") === (values.args ?? "").replace(/\r\n/g, "\n");
  } catch {
    return false;
  }
}
