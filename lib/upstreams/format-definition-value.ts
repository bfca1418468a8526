/** C0 and C1 control characters, newlines included: none may reach a terminal from an upstream as is. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

const escapeControl = (char: string) => (char === "\n" ? "\\n" : `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * A definition field's value as text for a diff, an absent field as "(none)". Indented (the
 * console): texts as they are, schemas and annotations as indented JSON. One line (the terminal):
 * texts with newlines and control characters escaped (an upstream's escape sequences never reach
 * the terminal), the rest as one-line JSON.
 */
export function formatDefinitionValue(value: unknown, layout: "indented" | "one-line"): string {
  if (value === undefined || value === null) return "(none)";
  if (typeof value === "string") return layout === "one-line" ? value.replace(CONTROL, escapeControl) : value;
  return layout === "one-line" ? JSON.stringify(value) : JSON.stringify(value, null, 2);
}
