import pino from "pino";
import { capLogLine } from "@/lib/log/cap-log-line";
import { createReadableLogStream } from "@/lib/log/create-readable-log-stream";

/**
 * A pino logger at `level` writing JSON lines (one object per line, for log shippers) unless a
 * person is watching: on a terminal (stdout is a TTY) lines are readable text, with per-call
 * lines at debug. LOG_FORMAT=json or =text picks one regardless. Secrets are redacted by path;
 * lines are capped (capLogLine), so a client-sent string cannot blow up the log.
 */
export function createLogger(level: string): pino.Logger {
  const format = process.env.LOG_FORMAT ?? (process.stdout.isTTY ? "text" : "json");
  const options: pino.LoggerOptions = {
    level,
    base: { service: "switchboard" },
    timestamp: pino.stdTimeFunctions.isoTime,
    hooks: { streamWrite: capLogLine },
    redact: {
      paths: ["authorization", "headers.authorization", "req.headers.authorization", "password", "secret", "key", "token", "*.password", "*.secret", "*.token"],
      censor: "[redacted]",
    },
  };
  if (format !== "text") return pino(options);
  const threshold = pino.levels.values[process.env.LOG_LEVEL ?? "info"] ?? pino.levels.values.info;
  return pino(options, createReadableLogStream({ out: process.stdout, debugEnabled: threshold <= pino.levels.values.debug, colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }));
}
