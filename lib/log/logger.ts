import pino from "pino";
import { capLogLine } from "./cap-log-line";

const globalForLogger = globalThis as unknown as { switchboardLogger?: pino.Logger };

/**
 * The process-wide JSON logger. Secrets are redacted by path wherever they might appear; lines
 * are capped (capLogLine), so a client-sent string cannot blow up the log.
 * Shared through globalThis because Next bundles and the Node server load this module separately.
 */
export const logger: pino.Logger =
  globalForLogger.switchboardLogger ??
  (globalForLogger.switchboardLogger = pino({
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: "switchboard" },
    timestamp: pino.stdTimeFunctions.isoTime,
    hooks: { streamWrite: capLogLine },
    redact: {
      paths: ["authorization", "headers.authorization", "req.headers.authorization", "password", "secret", "key", "token", "*.password", "*.secret", "*.token"],
      censor: "[redacted]",
    },
  }));
