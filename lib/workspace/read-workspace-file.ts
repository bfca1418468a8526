import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { z } from "zod";
import { HubError } from "@/lib/errors/hub-error";
import { isBinaryFile } from "@/lib/workspace/is-binary-file";
import { resolveWorkspacePath, type WorkspaceBounds } from "@/lib/workspace/resolve-workspace-path";

/** Largest file read whole, and most text returned for a line range of a bigger file. */
export const READ_FILE_MAX_BYTES = 256 * 1024;
/** Largest file read by line range: readline holds a whole line, and a huge file may have one. */
export const READ_FILE_MAX_RANGED_FILE_BYTES = 32 * 1024 * 1024;

export const readFileInputSchema = z.object({
  path: z.string().min(1).max(1024).describe("File path relative to the workspace root, e.g. src/index.ts"),
  startLine: z.number().int().min(1).optional().describe("First line to return (1-based, inclusive)"),
  endLine: z.number().int().min(1).optional().describe("Last line to return (1-based, inclusive)"),
});
export type ReadFileInput = z.infer<typeof readFileInputSchema>;

export interface ReadFileResult {
  path: string;
  text: string;
  startLine: number;
  endLine: number;
  truncated: boolean;
}

/**
 * Reads a UTF-8 text file inside the workspace, whole (up to READ_FILE_MAX_BYTES) or a line range
 * of any size. Refuses binary files (NUL byte in the first 8 KB), folders and unsafe paths with
 * HubError validation_failed / not_found.
 */
export async function readWorkspaceFile(bounds: WorkspaceBounds, input: ReadFileInput): Promise<ReadFileResult> {
  const resolved = await resolveWorkspacePath(bounds, input.path);
  if (!resolved.ok) throw new HubError("validation_failed", resolved.message);
  const info = await stat(resolved.absolutePath);
  if (!info.isFile()) throw new HubError("validation_failed", `"${resolved.relativePath}" is not a file.`);
  if (await isBinaryFile(resolved.absolutePath)) {
    throw new HubError("validation_failed", `"${resolved.relativePath}" is a binary file; read_file returns text only.`);
  }
  const ranged = input.startLine !== undefined || input.endLine !== undefined;
  if (!ranged && info.size > READ_FILE_MAX_BYTES) {
    throw new HubError(
      "validation_failed",
      `"${resolved.relativePath}" is ${info.size} bytes; read_file returns at most ${READ_FILE_MAX_BYTES} bytes. Pass startLine/endLine to read part of it.`,
    );
  }
  if (info.size > READ_FILE_MAX_RANGED_FILE_BYTES) {
    throw new HubError("validation_failed", `"${resolved.relativePath}" is ${info.size} bytes; read_file reads files up to ${READ_FILE_MAX_RANGED_FILE_BYTES} bytes.`);
  }
  const startLine = input.startLine ?? 1;
  const endLine = input.endLine ?? Number.MAX_SAFE_INTEGER;
  const lines: string[] = [];
  let bytes = 0;
  let lineNumber = 0;
  let truncated = false;
  // Streaming keeps memory bounded for a line range in a large file.
  const reader = createInterface({ input: createReadStream(resolved.absolutePath, { encoding: "utf8" }), crlfDelay: Infinity });
  try {
    for await (const line of reader) {
      lineNumber += 1;
      if (lineNumber < startLine) continue;
      if (lineNumber > endLine) break;
      bytes += Buffer.byteLength(line) + 1;
      if (bytes > READ_FILE_MAX_BYTES) {
        truncated = true;
        // A single line over the cap (minified code) still returns its beginning.
        if (lines.length === 0) lines.push(Buffer.from(line).subarray(0, READ_FILE_MAX_BYTES).toString("utf8"));
        else lineNumber -= 1;
        break;
      }
      lines.push(line);
    }
  } finally {
    reader.close();
  }
  if (lineNumber < startLine && startLine > 1) {
    throw new HubError("validation_failed", `"${resolved.relativePath}" has ${lineNumber} lines; startLine ${startLine} is past the end.`);
  }
  return { path: resolved.relativePath, text: lines.join("\n"), startLine, endLine: Math.min(lineNumber, endLine), truncated };
}
