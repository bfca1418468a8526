import type { ServerResponse } from "node:http";

/** Default cap on the bytes one event stream may hold unsent (SWITCHBOARD_MAX_STREAM_BUFFER_BYTES). */
export const DEFAULT_MAX_STREAM_BUFFER_BYTES = 8 * 1024 * 1024;

/**
 * Writes `chunk` to an event stream unless the bytes it already holds unsent (Node's buffer plus
 * the socket's) and the chunk would pass `maxBufferedBytes`: a client that stopped reading would
 * otherwise grow the hub's memory with every answer. Over the cap, destroys the stream and returns
 * false (the caller closes the session). The chunk's length in UTF-16 units stands in for its
 * bytes: the next write sees the exact count.
 */
export function writeWithinBufferCap(stream: ServerResponse, chunk: string, maxBufferedBytes: number): boolean {
  if (stream.writableLength + chunk.length > maxBufferedBytes) {
    stream.destroy();
    return false;
  }
  stream.write(chunk);
  return true;
}
