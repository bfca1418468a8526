/**
 * Bounded waits whose timer is cleared as soon as the work settles: a pending timer keeps a test
 * file's process alive after its last test (one of 30 s held a file 27 s past its end).
 */
function raceTimer<T, F>(work: Promise<T>, ms: number, onTimeout: (resolve: (value: F) => void, reject: (error: Error) => void) => void): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<F>((resolve, reject) => (timer = setTimeout(() => onTimeout(resolve, reject), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** What `work` resolves; rejects if `ms` pass first. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return raceTimer<T, never>(work, ms, (_, reject) => reject(new Error(`timed out after ${ms} ms waiting until ${what}`)));
}

/** What `work` resolves, or `fallback` if `ms` pass first. */
export function orAfter<T, F>(work: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  return raceTimer<T, F>(work, ms, (resolve) => resolve(fallback));
}
