import { open } from "node:fs/promises";

/** How much of a file's beginning the binary sniff reads (as git and grep do). */
export const BINARY_SNIFF_BYTES = 8192;

/** True when the first 8 KB of the file hold a NUL byte (the heuristic git and grep use). */
export async function isBinaryFile(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(BINARY_SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).includes(0);
  } finally {
    await handle.close();
  }
}
