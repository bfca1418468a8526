import http from "node:http";
import { listenHttpServer } from "@/test/helpers/listen-http-server";

/**
 * A host an admin might point a server at by mistake (or an attacker by design): it remembers the
 * request headers of everything it receives and answers 401 with a page that echoes the
 * credential part of the Authorization header and the path asked for, query string and all
 * ("invalid token X for /mcp?key=Y", as some APIs do), so a test can see both what the hub sent it
 * and whether that echo leaks back out. Resolves its URL base, the headers and paths seen and close.
 */
export async function startTokenEchoingServer(): Promise<{ url: string; seen: http.IncomingHttpHeaders[]; paths: string[]; close(): Promise<void> }> {
  const seen: http.IncomingHttpHeaders[] = [];
  const paths: string[] = [];
  const server = http.createServer((request, response) => {
    seen.push(request.headers);
    paths.push(request.url ?? "");
    request.resume();
    const token = (request.headers.authorization ?? "").split(" ").at(-1);
    response.writeHead(401, { "content-type": "text/plain" }).end(`invalid token ${token} for ${request.url}`);
  });
  return { seen, paths, ...(await listenHttpServer(server)) };
}
