import { closeSync, constants, createReadStream, fstatSync, openSync, read, type Stats } from "node:fs";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { z } from "zod";
import { HubError } from "@/lib/errors/hub-error";
import { BINARY_SNIFF_BYTES } from "@/lib/workspace/is-binary-file";
import { resolveWorkspacePath, type ResolvedWorkspacePath, type WorkspaceBounds } from "@/lib/workspace/resolve-workspace-path";
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

// read_file of a small file is as hot as echo. A thread-pool round trip costs 10–15 µs of CPU
// (two context switches on a busy core) to run a syscall of 1–2 µs, so the metadata calls on the
// descriptor (open of a path realpath just resolved, fstat, close) are synchronous, as the
// call-log spool's writes are; only the data read, which can wait on the disk, leaves the event
// loop. The callback API on a plain descriptor: a FileHandle (fs/promises) costs several times more.
const readInto = promisify(read);
/**
 * O_NOFOLLOW: the path was just resolved to a real file, so a symlink swapped in since is refused.
 * O_NONBLOCK: opening a FIFO placed in the workspace returns at once (fstat then refuses it)
 * instead of holding a thread-pool thread until some writer appears; regular files ignore it.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
/** readline's line breaks (crlfDelay: Infinity): \r\n, \n or a lone \r. */
const LINE_BREAK = /\r\n|\n|\r/;

/**
 * Reads a UTF-8 text file inside the workspace, whole (up to READ_FILE_MAX_BYTES) or a line range
 * of any size. Refuses binary files (NUL byte in the first 8 KB), folders and unsafe paths with
 * HubError validation_failed / not_found. One open, fstat and read of the resolved path: the
 * checks apply to the very file read, and a file within the cap is split in memory. `checked`:
 * the path as the input check just resolved it with the same bounds (else it is resolved here).
 */
export async function readWorkspaceFile(bounds: WorkspaceBounds, input: ReadFileInput, checked?: ResolvedWorkspacePath): Promise<ReadFileResult> {
  const resolved = checked ?? (await resolveWorkspacePath(bounds, input.path));
  if (!resolved.ok) throw new HubError("validation_failed", resolved.message);
  const label = resolved.relativePath;
  let fd: number;
  try {
    fd = openSync(resolved.absolutePath, OPEN_FLAGS);
  } catch (error) {
    throw openFailure(error, label);
  }
  try {
    const info = fstatSync(fd);
    const ranged = input.startLine !== undefined || input.endLine !== undefined;
    assertReadable(info, label, ranged);
    const lines = new LineCollector(input.startLine ?? 1, input.endLine ?? Number.MAX_SAFE_INTEGER);
    if (info.size <= READ_FILE_MAX_BYTES) {
      const content = await readUpTo(fd, info.size);
      assertText(content, label);
      const text = content.toString("utf8").split(LINE_BREAK);
      // A final line break ends the last line; it does not start an empty one (as readline).
      if (text.at(-1) === "") text.pop();
      for (const line of text) if (!lines.add(line)) break;
    } else {
      assertText(await readUpTo(fd, BINARY_SNIFF_BYTES), label);
      // Streaming keeps memory bounded for a line range in a large file.
      const reader = createInterface({ input: createReadStream("", { fd, start: 0, autoClose: false, encoding: "utf8" }), crlfDelay: Infinity });
      try {
        for await (const line of reader) if (!lines.add(line)) break;
      } finally {
        reader.close();
      }
    }
    return lines.result(label);
  } finally {
    closeSync(fd);
  }
}

function assertReadable(info: Stats, label: string, ranged: boolean): void {
  if (!info.isFile()) throw new HubError("validation_failed", `"${label}" is not a file.`);
  if (!ranged && info.size > READ_FILE_MAX_BYTES) {
    throw new HubError("validation_failed", `"${label}" is ${info.size} bytes; read_file returns at most ${READ_FILE_MAX_BYTES} bytes. Pass startLine/endLine to read part of it.`);
  }
  if (info.size > READ_FILE_MAX_RANGED_FILE_BYTES) {
    throw new HubError("validation_failed", `"${label}" is ${info.size} bytes; read_file reads files up to ${READ_FILE_MAX_RANGED_FILE_BYTES} bytes.`);
  }
}

function assertText(beginning: Buffer, label: string): void {
  if (beginning.subarray(0, BINARY_SNIFF_BYTES).includes(0)) throw new HubError("validation_failed", `"${label}" is a binary file; read_file returns text only.`);
}

/** Up to `size` bytes from the start of the file (fewer if it shrank since fstat). */
async function readUpTo(fd: number, size: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await readInto(fd, buffer, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

function openFailure(error: unknown, label: string): HubError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return new HubError("validation_failed", `Path "${label}" does not exist in the workspace.`);
  if (code === "ELOOP") return new HubError("validation_failed", `Path "${label}" became a symlink while it was being read; try again.`);
  if (code === "EISDIR") return new HubError("validation_failed", `"${label}" is not a file.`);
  return new HubError("validation_failed", `Path "${label}" cannot be read.`);
}

/** Keeps the lines of the requested range, up to READ_FILE_MAX_BYTES of text. */
class LineCollector {
  readonly #lines: string[] = [];
  #bytes = 0;
  #lineNumber = 0;
  #truncated = false;

  constructor(
    readonly startLine: number,
    readonly endLine: number,
  ) {}

  /** Takes the next line of the file; false once no further line can be kept. */
  add(line: string): boolean {
    this.#lineNumber += 1;
    if (this.#lineNumber < this.startLine) return true;
    if (this.#lineNumber > this.endLine) return false;
    this.#bytes += Buffer.byteLength(line) + 1;
    if (this.#bytes > READ_FILE_MAX_BYTES) {
      this.#truncated = true;
      // A single line over the cap (minified code) still returns its beginning.
      if (this.#lines.length === 0) this.#lines.push(Buffer.from(line).subarray(0, READ_FILE_MAX_BYTES).toString("utf8"));
      else this.#lineNumber -= 1;
      return false;
    }
    this.#lines.push(line);
    return true;
  }

  result(path: string): ReadFileResult {
    if (this.#lineNumber < this.startLine && this.startLine > 1) {
      throw new HubError("validation_failed", `"${path}" has ${this.#lineNumber} lines; startLine ${this.startLine} is past the end.`);
    }
    return { path, text: this.#lines.join("\n"), startLine: this.startLine, endLine: Math.min(this.#lineNumber, this.endLine), truncated: this.#truncated };
  }
}
