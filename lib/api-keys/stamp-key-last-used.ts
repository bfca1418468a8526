import { getPrisma } from "@/lib/db/prisma";
import { isDatabaseUnreachable } from "@/lib/db/is-database-unreachable";
import { noteDatabaseUnreachable } from "@/lib/db/track-database-outage";
import { logger } from "@/lib/log/logger";

const STAMP_INTERVAL_MS = 30_000;
const FLUSH_DELAY_MS = 1_000;

// Per-process write coalescing: last write time per key, and the batch waiting to be written.
const lastWrittenAt = new Map<string, number>();
let pending = new Map<string, Date>();
let flushing: Promise<void> | undefined;

/**
 * Notes that a key was just used. Writes `lastUsedAt` at most once per key per ~30 s, batched a
 * moment later off the request path. Never throws and never needs awaiting; the promise resolves
 * once this use is written or skipped (tests await it).
 */
export function stampKeyLastUsed(keyId: string, at: Date = new Date()): Promise<void> {
  const previous = lastWrittenAt.get(keyId);
  if (previous !== undefined && at.getTime() - previous < STAMP_INTERVAL_MS) return flushing ?? Promise.resolve();
  lastWrittenAt.set(keyId, at.getTime());
  pending.set(keyId, at);
  if (lastWrittenAt.size > 50_000) lastWrittenAt.clear(); // bound memory; at worst one extra write per key
  flushing ??= new Promise<void>((resolve) => {
    const timer = setTimeout(() => void writePending().finally(resolve), FLUSH_DELAY_MS);
    timer.unref();
  });
  return flushing;
}

async function writePending(): Promise<void> {
  const batch = pending;
  pending = new Map();
  flushing = undefined;
  try {
    const prisma = getPrisma();
    await Promise.all([...batch].map(([id, at]) => prisma.apiKey.updateMany({ where: { id }, data: { lastUsedAt: at } })));
  } catch (error) {
    // A best-effort stamp: during an outage it is one more affected request, not a stack per batch.
    if (isDatabaseUnreachable(error)) noteDatabaseUnreachable(error);
    else logger.warn({ err: error, keys: batch.size }, "could not stamp API key last use");
  }
}
