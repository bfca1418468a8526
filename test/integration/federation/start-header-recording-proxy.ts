import http from "node:http";
import { listenHttpServer } from "@/test/helpers/listen-http-server";

/**
 * A plain HTTP proxy in front of a remote upstream at 127.0.0.1:`targetPort` that remembers the
 * request headers and path (query string and all) of every request it forwards (streamed both
 * ways, so SSE answers pass), so a test can see what the hub sends a remote server. Resolves its
 * URL base, the headers and paths seen and close.
 */
export async function startHeaderRecordingProxy(targetPort: number): Promise<{ url: string; seen: http.IncomingHttpHeaders[]; paths: string[]; close(): Promise<void> }> {
  const seen: http.IncomingHttpHeaders[] = [];
  const paths: string[] = [];
  const server = http.createServer((request, response) => {
    seen.push(request.headers);
    paths.push(request.url ?? "");
    const upstream = http.request({ host: "127.0.0.1", port: targetPort, method: request.method, path: request.url, headers: { ...request.headers, host: `127.0.0.1:${targetPort}` } }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on("error", () => response.destroy());
    request.pipe(upstream);
  });
  return { seen, paths, ...(await listenHttpServer(server)) };
}
