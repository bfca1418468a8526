import { checkRelativePath } from "@/lib/workspace/check-relative-path";
import type { InputCheck } from "@/lib/workspace/workspace-path-result";
import { TIMEOUT_PARAMETER, type CommandToolDefinition } from "@/lib/command-tools/command-tool-schema";

const PLACEHOLDER = /\{\{|\}\}/;
const WHOLE_PLACEHOLDER = /^\{\{([a-zA-Z][a-zA-Z0-9_]*)\}\}$/;

/**
 * Pure check of an admin's command tool beyond its schema: the program is literal, each
 * placeholder fills a whole argv element and names a parameter, every parameter is used once,
 * options fit their type, patterns compile, the working folder stays in the workspace.
 */
export function checkCommandToolDefinition(definition: CommandToolDefinition): InputCheck {
  const [program, ...rest] = definition.argv;
  if (PLACEHOLDER.test(program)) return { ok: false, message: "argv[0] (the program) must be literal, not a placeholder." };
  const used = new Set<string>();
  for (const [index, element] of rest.entries()) {
    if (!PLACEHOLDER.test(element)) continue;
    const match = WHOLE_PLACEHOLDER.exec(element);
    if (!match) return { ok: false, message: `argv[${index + 1}] "${element}": a placeholder must be the whole argument, e.g. "{{pattern}}".` };
    const name = match[1];
    if (!(name in definition.parameters)) return { ok: false, message: `argv[${index + 1}] uses {{${name}}}, which is not a parameter.` };
    if (name === TIMEOUT_PARAMETER) return { ok: false, message: `{{${TIMEOUT_PARAMETER}}} sets the run timeout and cannot appear in argv.` };
    if (used.has(name)) return { ok: false, message: `{{${name}}} appears twice in argv.` };
    used.add(name);
  }
  for (const [name, parameter] of Object.entries(definition.parameters)) {
    if (name === TIMEOUT_PARAMETER) {
      if (parameter.type !== "integer") return { ok: false, message: `${TIMEOUT_PARAMETER} must be an integer parameter.` };
      continue;
    }
    if (!used.has(name)) return { ok: false, message: `Parameter ${name} is not used in argv.` };
    if (parameter.pattern !== undefined && parameter.type !== "string") return { ok: false, message: `Parameter ${name}: pattern applies to strings only.` };
    if (parameter.pattern !== undefined && !compiles(parameter.pattern)) return { ok: false, message: `Parameter ${name}: pattern is not a valid regular expression.` };
    if ((parameter.type === "enum") !== (parameter.enum !== undefined)) return { ok: false, message: `Parameter ${name}: enum values are required for (and only for) type enum.` };
    if (parameter.min !== undefined && parameter.max !== undefined && parameter.min > parameter.max) return { ok: false, message: `Parameter ${name}: min is greater than max.` };
    if (parameter.type === "boolean" && parameter.required) return { ok: false, message: `Parameter ${name}: a boolean cannot be required.` };
  }
  const timeout = definition.parameters[TIMEOUT_PARAMETER];
  if (timeout && (timeout.max === undefined || timeout.max * 1000 > definition.timeoutMs)) {
    return { ok: false, message: `${TIMEOUT_PARAMETER}.max must be set and at most timeoutMs / 1000 (${definition.timeoutMs / 1000}).` };
  }
  return checkRelativePath(definition.workingDir);
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}
