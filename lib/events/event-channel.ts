/**
 * A broadcast channel between hub processes (instances and the CLI). Messages are opaque strings;
 * start-event-fan-out.ts owns their format.
 */
export interface EventChannel {
  /** Human-readable backend name for the start-up log. */
  name: string;
  /** Sends to every subscriber, this process included. */
  publish(message: string): Promise<void>;
  /** Waits for pending publishes, then disconnects. */
  close(): Promise<void>;
}

/** Receives every message on the channel, this process's own included. */
export type EventChannelListener = (message: string) => void;
