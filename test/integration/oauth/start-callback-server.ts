import { createServer } from "node:http";

export interface CallbackServer {
  /** http://127.0.0.1:<port>/callback */
  redirectUri: string;
  /** Resolves the query of the next request to /callback. */
  nextCallback(): Promise<URLSearchParams>;
  close(): Promise<void>;
}

/** A native app's loopback listener: receives the authorization response the way Claude Code's does. */
export async function startCallbackServer(): Promise<CallbackServer> {
  const waiting: Array<(params: URLSearchParams) => void> = [];
  const received: URLSearchParams[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    response.writeHead(200, { "Content-Type": "text/plain" }).end("You can close this window.");
    if (url.pathname !== "/callback") return;
    const next = waiting.shift();
    if (next) next(url.searchParams);
    else received.push(url.searchParams);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    nextCallback: () => {
      const ready = received.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
