import pino from "pino";

// Imported first by sb.ts, before anything loads lib/log/logger.ts: that module reuses a logger
// found on globalThis, so the CLI's JSON logs go to stderr (quiet by default) and stdout stays
// reserved for command output such as a new key's secret.
const globalForLogger = globalThis as unknown as { switchboardLogger?: pino.Logger };
globalForLogger.switchboardLogger ??= pino(
  {
    level: process.env.LOG_LEVEL ?? "warn",
    base: { service: "switchboard-cli" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ["authorization", "password", "secret", "key", "token", "*.password", "*.secret", "*.token"], censor: "[redacted]" },
  },
  pino.destination(2),
);
