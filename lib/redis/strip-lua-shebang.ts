// Redis 7.0 rejects `#!lua flags=allow-key-locking` ("Unexpected flag in script shebang"), and
// the flag only matters to Redis ≥ 7.2's scheduler, so scripts run without their shebang line.
const SHEBANG_LINE = /^#!lua[^\n]*\n/;

/** Removes a leading `#!lua …` line; other scripts are returned unchanged. */
export function stripLuaShebang(script: string): string {
  return script.replace(SHEBANG_LINE, "");
}
