import http from "node:http";
import { listenHttpServer } from "@/test/helpers/listen-http-server";

/**
 * A host an admin might point a server at by mistake (or an attacker by design): it remembers the
 * request headers of everything it receives and answers 401 with a page that echoes the
 * credential part of the Authorization header ("invalid token X", as some APIs do), so a test can
 * see both what the hub sent it and whether that echo leaks back out. Resolves its URL base, the
 * headers seen and close.
 */
export async function startTokenEchoingServer(): Promise<{ url: string; seen: http.IncomingHttpHeaders[]; close(): Promise<void> }> {
  const seen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((request, response) => {
    seen.push(request.headers);
    request.resume();
    const token = (request.headers.authorization ?? "").split(" ").at(-1);
    response.writeHead(401, { "content-type": "text/plain" }).end(`invalid token ${token}`);
  });
  return { seen, ...(await listenHttpServer(server)) };
}
