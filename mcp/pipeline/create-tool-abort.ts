import { HubError } from "@/lib/errors/hub-error";

/** How one tool run ends early: its timeout, or the client's abort signal. */
export interface ToolAbort {
  /**
   * The signal the tool sees: aborted (with the HubError that says why) when the run times out or
   * the client cancels. Made on first read: most runs never read it, and an AbortController
   * with its signal is the largest allocation of a call's pipeline.
   */
  readonly signal: AbortSignal;
  /** Settles with `work`, or rejects with the abort reason as soon as the run is aborted. */
  race<T>(work: () => Promise<T>): Promise<T>;
  /** Clears the timer and the listener on the client's signal (call once the run settled). */
  dispose(): void;
}

/**
 * The timeout and cancellation of one tool run (`toolName`, for the messages). One timer and one
 * listener on the client's signal; the abort rejects the race directly and aborts the tool's
 * signal only if the tool has read it.
 */
export function createToolAbort(toolName: string, clientSignal: AbortSignal, timeoutMs: number): ToolAbort {
  let controller: AbortController | undefined;
  let reason: HubError | undefined;
  let rejectRace: ((reason: HubError) => void) | undefined;
  const abort = (why: HubError) => {
    if (reason) return;
    reason = why;
    controller?.abort(why);
    rejectRace?.(why);
  };
  const timer = setTimeout(() => abort(new HubError("internal_error", `Tool ${toolName} timed out after ${timeoutMs / 1000} s.`)), timeoutMs);
  const onClientAbort = () => abort(new HubError("internal_error", `Tool ${toolName} was cancelled.`));
  clientSignal.addEventListener("abort", onClientAbort, { once: true });
  return {
    get signal() {
      if (!controller) {
        controller = new AbortController();
        if (reason) controller.abort(reason);
      }
      return controller.signal;
    },
    race(work) {
      if (reason) return Promise.reject(reason);
      return new Promise((resolve, reject) => {
        rejectRace = reject;
        work().then(resolve, reject);
      });
    },
    dispose() {
      clearTimeout(timer);
      clientSignal.removeEventListener("abort", onClientAbort);
      rejectRace = undefined;
    },
  };
}
