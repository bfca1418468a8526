/**
 * The environment for a spawned hub/CLI process: this one's, quiet logs, then `overrides`, where
 * an undefined value removes the variable (spawn would pass the string "undefined").
 */
export function buildChildEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged = { ...process.env, LOG_LEVEL: "warn", ...overrides };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv;
}
