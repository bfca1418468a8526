import { HubError } from "@/lib/errors/hub-error";

/**
 * Reads a request body as UTF-8 text, counting bytes as they arrive, and throws HubError
 * payload_too_large as soon as they exceed `limitBytes` — a chunked body has no Content-Length
 * to check first, and reading it whole before measuring would let one request fill the memory.
 * The rest of an oversized body is cancelled, never buffered, and the refusal closes the connection.
 */
export async function readCappedBodyText(request: Request, limitBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > limitBytes) {
        // The rest is never read, so the connection cannot carry another request: the answer
        // closes it (a kept-alive one would stall the client's next request behind the unread body).
        reader.cancel().catch(() => {});
        throw new HubError("payload_too_large", `Request body exceeds ${limitBytes} bytes.`, { headers: { Connection: "close" } });
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
