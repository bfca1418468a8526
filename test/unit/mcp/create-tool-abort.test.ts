import assert from "node:assert/strict";
import { getEventListeners } from "node:events";
import { describe, test } from "node:test";
import { HubError } from "@/lib/errors/hub-error";
import { createToolAbort } from "@/mcp/pipeline/create-tool-abort";

const never = () => new Promise<never>(() => {});
const refusedWith = (message: RegExp) => (error: unknown) => error instanceof HubError && error.code === "internal_error" && message.test(error.message);

describe("createToolAbort", () => {
  test("settles with the run and leaves no timer or listener behind", async () => {
    const client = new AbortController();
    const abort = createToolAbort("echo", client.signal, 50);
    assert.equal(await abort.race(async () => "done"), "done");
    abort.dispose();
    assert.equal(getEventListeners(client.signal, "abort").length, 0);
    // The timer is gone too: nothing fires after its time.
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(abort.signal.aborted, false);
  });

  test("passes the run's own failure through", async () => {
    const abort = createToolAbort("echo", new AbortController().signal, 1_000);
    await assert.rejects(abort.race(async () => Promise.reject(new Error("boom"))), /boom/);
    abort.dispose();
  });

  test("times out: the race rejects at once and the tool's signal says why", async () => {
    const abort = createToolAbort("slow", new AbortController().signal, 30);
    const signal = abort.signal;
    const started = Date.now();
    await assert.rejects(abort.race(never), refusedWith(/^Tool slow timed out after 0.03 s\.$/));
    assert.ok(Date.now() - started < 1_000);
    assert.equal(signal.aborted, true);
    assert.match((signal.reason as HubError).message, /timed out/);
    abort.dispose();
  });

  test("a client cancel rejects the race and aborts the signal, even one first read afterwards", async () => {
    const client = new AbortController();
    const abort = createToolAbort("slow", client.signal, 60_000);
    const racing = abort.race(never);
    client.abort();
    await assert.rejects(racing, refusedWith(/^Tool slow was cancelled\.$/));
    assert.equal(abort.signal.aborted, true, "a signal made after the abort is aborted already");
    assert.match((abort.signal.reason as HubError).message, /cancelled/);
    abort.dispose();
  });

  test("does not start a run once aborted", async () => {
    const client = new AbortController();
    const abort = createToolAbort("slow", client.signal, 60_000);
    client.abort();
    let started = false;
    await assert.rejects(
      abort.race(async () => {
        started = true;
      }),
      refusedWith(/cancelled/),
    );
    assert.equal(started, false);
    abort.dispose();
  });
});
