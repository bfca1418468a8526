import { getDatabasePool } from "@/lib/db/get-database-pool";
import { createCallLogSpool, type CallLogSpool } from "@/lib/call-log/create-call-log-spool";
import { insertCallLogRows, type CallLogRow, type CallLogStore } from "@/lib/call-log/insert-call-log-rows";
import { markLateCallLogMinutes } from "@/lib/call-log/late-call-log-minutes";
import { logger } from "@/lib/log/logger";
import { getMetrics } from "@/lib/metrics/get-metrics";

export type { CallLogRow, CallLogStore };

export interface CallLogWriterOptions {
  /** Flush at least this often while rows are buffered. */
  flushIntervalMs: number;
  /** Rows per INSERT; reaching it also triggers a flush at once. */
  batchSize: number;
  /** Buffered rows beyond which enqueueCallLog waits (backpressure) instead of dropping. */
  maxBuffered: number;
  /** Longest pause between retries while the database is down. */
  maxBackoffMs: number;
  store: () => CallLogStore;
  /**
   * Folder for the crash spool (the hub: <data dir>/call-log-spool). Set: every row is appended
   * there before its call is answered, so a SIGKILL loses none (replayCallLogSpool at start).
   */
  spoolDir?: string;
}

const DEFAULT_OPTIONS: CallLogWriterOptions = {
  flushIntervalMs: 250,
  batchSize: 1_000,
  maxBuffered: 10_000,
  maxBackoffMs: 10_000,
  store: getDatabasePool,
};

/**
 * A buffered row: its JSON text, made once for both the spool and the batch insert, and its
 * instant. Not the row object: a buffered row lives through young-generation GCs into the old
 * generation, and one string is less to carry there than the row with its Date.
 */
interface BufferedRow {
  atMs: number;
  json: string;
}

interface WriterState {
  options: CallLogWriterOptions;
  buffer: BufferedRow[];
  /** Enqueues waiting for room, admitted in order as batches land. */
  waiting: { entry: BufferedRow; admit: () => void }[];
  timer: NodeJS.Timeout | null;
  draining: Promise<void> | null;
  failures: number;
  retryAt: number;
  spool: CallLogSpool | null;
}

const globalForWriter = globalThis as unknown as { switchboardCallLogWriter?: WriterState };

function getState(): WriterState {
  return (globalForWriter.switchboardCallLogWriter ??= {
    options: DEFAULT_OPTIONS,
    buffer: [],
    waiting: [],
    timer: null,
    draining: null,
    failures: 0,
    retryAt: 0,
    spool: null,
  });
}

function admitWaiting(state: WriterState): void {
  while (state.waiting.length > 0 && state.buffer.length < state.options.maxBuffered) {
    const next = state.waiting.shift()!;
    state.buffer.push(next.entry);
    next.admit();
  }
  getMetrics().callLogQueueDepth.set(state.buffer.length + state.waiting.length);
}

/** Inserts buffered rows batch by batch; on failure keeps them and schedules a retry. */
async function drain(state: WriterState): Promise<void> {
  while (state.buffer.length > 0) {
    const batch = state.buffer.slice(0, state.options.batchSize);
    try {
      await insertCallLogRows(state.options.store(), batch.map((entry) => entry.json));
    } catch (err) {
      state.failures += 1;
      const backoff = Math.min(state.options.flushIntervalMs * 2 ** state.failures, state.options.maxBackoffMs);
      state.retryAt = Date.now() + backoff;
      getMetrics().callLogWriteFailures.inc();
      logger.warn(
        { event: "call_log_write_failed", buffered: state.buffer.length, retryInMs: backoff, err: err instanceof Error ? err.message : String(err) },
        "Could not write call logs; keeping them buffered and retrying",
      );
      return;
    }
    if (state.failures > 0) logger.info({ event: "call_log_write_recovered", afterFailures: state.failures }, "Call-log writes recovered");
    state.failures = 0;
    state.retryAt = 0;
    state.buffer.splice(0, batch.length);
    state.spool?.release(batch.length);
    markLateCallLogMinutes(batch.map((entry) => entry.atMs));
    admitWaiting(state);
  }
}

function kick(state: WriterState): Promise<void> {
  if (state.draining) return state.draining;
  if (state.buffer.length === 0 || Date.now() < state.retryAt) return Promise.resolve();
  state.draining = drain(state).finally(() => {
    state.draining = null;
  });
  return state.draining;
}

/**
 * Starts the periodic batched writer (idempotent; enqueueCallLog starts it on demand too).
 * Options are for tests and tuning; defaults: every 250 ms or 1 000 rows, 10 000 rows buffered.
 */
export function startCallLogWriter(options: Partial<CallLogWriterOptions> = {}): void {
  const state = getState();
  if (Object.keys(options).length > 0) {
    state.options = { ...DEFAULT_OPTIONS, ...options };
    state.spool?.close();
    state.spool = state.options.spoolDir ? createCallLogSpool(state.options.spoolDir) : null;
    // New options may change the interval: restart the timer.
    if (state.timer) clearInterval(state.timer);
    state.timer = null;
  }
  if (state.timer) return;
  state.timer = setInterval(() => void kick(state), state.options.flushIntervalMs);
  state.timer.unref();
}

/**
 * Queues one row. With a spool, resolves once the row is in the spool file (rows of one
 * event-loop turn share one append), so the answer goes out only when a crash can no longer lose
 * its row; without one, at once. When the buffer is full (database slow or down), also waits
 * until a batch lands — backpressure on the caller instead of losing rows.
 */
export function enqueueCallLog(row: CallLogRow): Promise<void> {
  const state = getState();
  if (!state.timer) startCallLogWriter();
  const entry: BufferedRow = { atMs: row.at.getTime(), json: JSON.stringify(row) };
  const spooled = state.spool?.append(entry.json);
  if (state.buffer.length < state.options.maxBuffered && state.waiting.length === 0) {
    state.buffer.push(entry);
    getMetrics().callLogQueueDepth.set(state.buffer.length);
    if (state.buffer.length >= state.options.batchSize) void kick(state);
    return spooled ?? Promise.resolve();
  }
  const admitted = new Promise<void>((admit) => {
    state.waiting.push({ entry, admit });
    getMetrics().callLogQueueDepth.set(state.buffer.length + state.waiting.length);
  });
  return spooled ? Promise.all([spooled, admitted]).then(() => undefined) : admitted;
}

/** Rows buffered or waiting for room. */
export function getCallLogQueueDepth(): number {
  const state = getState();
  return state.buffer.length + state.waiting.length;
}

/**
 * Writes every row queued so far, retrying with backoff through database errors. Rejects if rows
 * are still unwritten after `timeoutMs` (default 30 s); they stay buffered for later attempts.
 */
export async function flushCallLog(timeoutMs: number = 30_000): Promise<void> {
  const state = getState();
  const deadline = Date.now() + timeoutMs;
  while (state.buffer.length > 0 || state.waiting.length > 0) {
    if (Date.now() > deadline) throw new Error(`call log flush timed out with ${getCallLogQueueDepth()} rows unwritten`);
    const wait = state.retryAt - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(wait, deadline - Date.now() + 1)));
    else if (state.buffer.length === 0) admitWaiting(state);
    else await kick(state);
  }
}

/** Stops the timer after a final flush (shutdown). Logs, rather than hides, rows it could not write. */
export async function stopCallLogWriter(timeoutMs: number = 30_000): Promise<void> {
  const state = getState();
  try {
    await flushCallLog(timeoutMs);
  } catch (err) {
    logger.error({ event: "call_log_rows_unwritten", rows: getCallLogQueueDepth(), err: err instanceof Error ? err.message : String(err) }, "Shutting down with unwritten call logs");
  } finally {
    if (state.timer) clearInterval(state.timer);
    state.timer = null;
    // Rows still unwritten stay in the spool: the next start replays them.
    state.spool?.close();
    state.spool = null;
  }
}
