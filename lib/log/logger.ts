import type pino from "pino";
import { createLogger } from "@/lib/log/create-logger";

const globalForLogger = globalThis as unknown as { switchboardLogger?: pino.Logger };

/**
 * The process-wide logger (JSON lines, or readable text on a terminal: createLogger), at LOG_LEVEL.
 * Shared through globalThis because Next bundles and the Node server load this module separately.
 */
export const logger: pino.Logger = globalForLogger.switchboardLogger ?? (globalForLogger.switchboardLogger = createLogger(process.env.LOG_LEVEL ?? "info"));
