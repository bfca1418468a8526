import assert from "node:assert/strict";

/** Polls until `check` holds (bounded): changes that arrive asynchronously (events, reconnects). */
export async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 20_000, intervalMs = 150): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  assert.fail(`timed out waiting for: ${what}`);
}
