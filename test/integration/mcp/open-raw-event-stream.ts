import { request, type IncomingMessage } from "node:http";

export interface RawEventStream {
  status: number;
  headers: IncomingMessage["headers"];
  /** Body text received so far. */
  text(): string;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
  /** Stops reading: the socket's buffers fill and the server's writes start to queue. */
  pause(): void;
}

/**
 * Opens an event stream over node:http (GET, or a POST with `body`: 2026-07-28
 * subscriptions/listen) and resolves once the first body bytes arrived.
 */
export function openRawEventStream(options: { port: number; path: string; headers: Record<string, string>; body?: string }): Promise<RawEventStream> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: options.port, method: options.body === undefined ? "GET" : "POST", path: options.path, headers: options.headers }, (res) => {
      let body = "";
      let resolved = false;
      const ended = new Promise<void>((resolveEnd) => res.once("close", () => resolveEnd()));
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
        if (!resolved) {
          resolved = true;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: () => body, ended, close: () => req.destroy(), pause: () => res.pause() });
        }
      });
    });
    req.on("error", reject);
    req.end(options.body);
  });
}
