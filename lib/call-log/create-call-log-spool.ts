import { closeSync, mkdirSync, openSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { logger } from "@/lib/log/logger";

/** A segment older than this takes no more rows, so it can be deleted once they are all in the database. */
const SEGMENT_MAX_AGE_MS = 500;

/** The crash spool of the call-log writer (see createCallLogSpool). */
export interface CallLogSpool {
  /** Appends a row, given as its JSON text; resolves once it is in the file (one write per event-loop turn for all rows). */
  append(rowJson: string): Promise<void>;
  /** The oldest `count` appended rows are in the database: deletes segments holding only such rows. */
  release(count: number): void;
  /** Closes the open segment (kept on disk: rows still unwritten are replayed at the next start). */
  close(): void;
}

interface Segment {
  file: string;
  fd: number;
  openedAt: number;
  /** Appended rows before this segment, and up to its end (monotonic counts). */
  start: number;
  end: number;
}

/**
 * An append-only spool in `dir`: every call-log row is appended (NDJSON) before its call is
 * answered, so a process kill loses none; the file survives in the page cache even when the
 * process dies at once. Rows appended in one event-loop turn share one write(2), keeping it off
 * the hot path. Segments (`<pid>-<time>-<n>.ndjson`) are deleted as soon as every row in them is
 * in the database; replayCallLogSpool inserts what a dead process left behind.
 */
export function createCallLogSpool(dir: string): CallLogSpool {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const segments: Segment[] = [];
  let current: Segment | null = null;
  let appended = 0;
  let released = 0;
  let sequence = 0;
  let queued: string[] = [];
  let waiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  let scheduled = false;
  let failureLogged = false;

  const openSegment = (): Segment => {
    const file = path.join(dir, `${process.pid}-${Date.now()}-${sequence++}.ndjson`);
    const segment = { file, fd: openSync(file, "a", 0o600), openedAt: Date.now(), start: appended, end: appended };
    segments.push(segment);
    return segment;
  };
  const seal = (segment: Segment) => {
    if (segment.fd < 0) return;
    closeSync(segment.fd);
    segment.fd = -1;
    if (current === segment) current = null;
  };
  const deleteReleased = () => {
    while (segments.length > 0 && segments[0].end <= released) {
      const [done] = segments;
      seal(done);
      segments.shift();
      try {
        unlinkSync(done.file);
      } catch {
        // Already gone: nothing to replay.
      }
    }
  };

  const write = () => {
    scheduled = false;
    const lines = queued;
    const settled = waiters;
    queued = [];
    waiters = [];
    try {
      if (current && Date.now() - current.openedAt >= SEGMENT_MAX_AGE_MS) seal(current);
      current ??= openSegment();
      writeSync(current.fd, lines.join(""));
      appended += lines.length;
      current.end = appended;
      failureLogged = false;
      for (const waiter of settled) waiter.resolve();
    } catch (error) {
      // A full or read-only disk must not stop calls: the rows are still buffered for the database.
      if (!failureLogged) logger.error({ event: "call_log_spool_failed", err: error instanceof Error ? error.message : String(error) }, "Could not append to the call-log spool; a crash now could lose call-log rows");
      failureLogged = true;
      appended += lines.length;
      for (const waiter of settled) waiter.resolve();
    }
  };

  return {
    append(rowJson) {
      queued.push(`${rowJson}\n`);
      if (!scheduled) {
        scheduled = true;
        setImmediate(write);
      }
      return new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
    },
    release(count) {
      released += count;
      deleteReleased();
    },
    close() {
      if (scheduled) write();
      for (const segment of segments) seal(segment);
      deleteReleased();
    },
  };
}
