import type { IncomingMessage } from "node:http";
import { HubError } from "@/lib/errors/hub-error";

/**
 * Reads the whole body, refusing more than `maxBytes` (413) before buffering it: a declared
 * Content-Length over the cap is refused without reading; a chunked body is cut once it passes.
 */
export function readRequestBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new HubError("payload_too_large", `Request body exceeds the ${maxBytes}-byte limit.`);
  const declared = Number(request.headers["content-length"]);
  if (declared > maxBytes) {
    request.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.removeAllListeners("data");
        request.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.once("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    request.once("error", (error) => reject(new HubError("invalid_request", "The request body could not be read.", { cause: error })));
  });
}
