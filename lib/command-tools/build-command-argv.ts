import { MAX_COMMAND_ARGUMENT_CHARS, TIMEOUT_PARAMETER, type CommandParameter } from "@/lib/command-tools/command-tool-schema";

export type ArgvResult = { ok: true; argv: string[] } | { ok: false; message: string };

const WHOLE_PLACEHOLDER = /^\{\{([a-zA-Z][a-zA-Z0-9_]*)\}\}$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Pure: fills an argv template with checked values. A placeholder only ever fills one whole argv
 * element (no shell runs, so ";", "$(…)" and backticks stay literal text), a value starting with
 * "-" is refused unless its parameter allows it (no option injection), control characters
 * (newline, NUL) are refused, and every type, range, length, enum and pattern is re-checked.
 * Absent optional values drop their element (and their flag). `values` holds path parameters
 * already resolved to absolute workspace paths.
 */
export function buildCommandArgv(template: readonly string[], parameters: Record<string, CommandParameter>, values: Record<string, unknown>): ArgvResult {
  for (const [name, parameter] of Object.entries(parameters)) {
    if (parameter.required && values[name] === undefined) return { ok: false, message: `Missing required parameter ${name}.` };
  }
  for (const name of Object.keys(values)) {
    if (!(name in parameters)) return { ok: false, message: `Unknown parameter ${name}.` };
  }
  const argv: string[] = [];
  for (const element of template) {
    const name = WHOLE_PLACEHOLDER.exec(element)?.[1];
    if (name === undefined) {
      argv.push(element);
      continue;
    }
    const parameter = parameters[name];
    const value = values[name];
    if (parameter === undefined) return { ok: false, message: `argv uses {{${name}}}, which is not a parameter.` };
    if (value === undefined || name === TIMEOUT_PARAMETER) continue;
    const checked = checkValue(name, parameter, value);
    if (!checked.ok) return checked;
    if (parameter.type === "boolean") {
      if (parameter.flag) {
        if (value === true) argv.push(parameter.flag);
      } else {
        argv.push(String(value));
      }
      continue;
    }
    if (parameter.flag) argv.push(parameter.flag);
    argv.push(checked.text);
  }
  return { ok: true, argv };
}

function checkValue(name: string, parameter: CommandParameter, value: unknown): { ok: true; text: string } | { ok: false; message: string } {
  switch (parameter.type) {
    case "boolean":
      return typeof value === "boolean" ? { ok: true, text: String(value) } : { ok: false, message: `${name} must be true or false.` };
    case "integer": {
      if (typeof value !== "number" || !Number.isSafeInteger(value)) return { ok: false, message: `${name} must be an integer.` };
      if (parameter.min !== undefined && value < parameter.min) return { ok: false, message: `${name} must be at least ${parameter.min}.` };
      if (parameter.max !== undefined && value > parameter.max) return { ok: false, message: `${name} must be at most ${parameter.max}.` };
      if (value < 0 && !parameter.allowLeadingDash) return { ok: false, message: `${name} must not be negative (it would read as an option).` };
      return { ok: true, text: String(value) };
    }
    default:
      return checkText(name, parameter, value);
  }
}

function checkText(name: string, parameter: CommandParameter, value: unknown): { ok: true; text: string } | { ok: false; message: string } {
  if (typeof value !== "string") return { ok: false, message: `${name} must be a string.` };
  if (CONTROL_CHARACTERS.test(value)) return { ok: false, message: `${name} must not contain control characters such as newlines or NUL.` };
  if (value.startsWith("-") && !parameter.allowLeadingDash) {
    return { ok: false, message: `${name} must not start with "-" (it would be read as an option).` };
  }
  if (parameter.type === "enum") {
    return parameter.enum?.includes(value) ? { ok: true, text: value } : { ok: false, message: `${name} must be one of: ${(parameter.enum ?? []).join(", ")}.` };
  }
  if (parameter.type === "path") return value.length > 0 ? { ok: true, text: value } : { ok: false, message: `${name} must not be empty.` };
  const maxChars = Math.min(parameter.max ?? MAX_COMMAND_ARGUMENT_CHARS, MAX_COMMAND_ARGUMENT_CHARS);
  if (value.length < (parameter.min ?? 1) || value.length > maxChars) {
    return { ok: false, message: `${name} must be ${parameter.min ?? 1} to ${maxChars} characters long.` };
  }
  if (parameter.pattern !== undefined && !new RegExp(`^(?:${parameter.pattern})$`, "u").test(value)) {
    return { ok: false, message: `${name} does not match the allowed pattern ${parameter.pattern}.` };
  }
  return { ok: true, text: value };
}
