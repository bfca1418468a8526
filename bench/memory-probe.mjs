// Preloaded (node --expose-gc --import) into the bench's memory-measuring hub only, never into a
// served hub: on SIGUSR2 it collects garbage fully and writes process.memoryUsage() as JSON to
// BENCH_MEMORY_PROBE_FILE, so the bench reads live memory rather than whatever V8 has not freed.
import { renameSync, writeFileSync } from "node:fs";

const file = process.env.BENCH_MEMORY_PROBE_FILE;
if (!file || typeof globalThis.gc !== "function") throw new Error("memory-probe needs --expose-gc and BENCH_MEMORY_PROBE_FILE");
process.on("SIGUSR2", () => {
  // Two passes: the first can leave objects that only become unreachable once finalizers ran.
  globalThis.gc();
  globalThis.gc();
  writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()));
  renameSync(`${file}.tmp`, file);
});
