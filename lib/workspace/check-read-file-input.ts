import type { ReadFileInput } from "@/lib/workspace/read-workspace-file";
import type { InputCheck } from "@/lib/workspace/workspace-path-result";

/** Pure check: a line range must not be reversed. */
export function checkReadFileInput(input: ReadFileInput): InputCheck {
  if (input.startLine !== undefined && input.endLine !== undefined && input.endLine < input.startLine) {
    return { ok: false, message: `endLine (${input.endLine}) is before startLine (${input.startLine}).` };
  }
  return { ok: true };
}
