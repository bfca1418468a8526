export interface ServerSentEvent {
  event?: string;
  data: string;
  /** The stream's last event id so far (the WHATWG "last event ID"), for Last-Event-ID on resumption. */
  id?: string;
}

export interface ServerSentEventParser {
  /** Feeds decoded text; calls onEvent for each complete event. Throws past the size cap. */
  push(text: string): void;
  /** The last event id seen (also set by events without data, such as an SDK server's priming event). */
  readonly lastEventId: string | undefined;
  /** The reconnection delay the server asked for with `retry:`, in ms. */
  readonly retryMs: number | undefined;
}

/**
 * An incremental text/event-stream parser (the WHATWG rules: `data` lines joined by "\n", an
 * `event` name, `id` and `retry`, comments and unknown fields ignored, CRLF/CR/LF line ends, events
 * with empty data not dispatched), for answers read off the wire. Each character is scanned once,
 * however the stream is chunked. `maxEventChars` bounds what one unfinished event may buffer, so an
 * upstream that never ends an event cannot grow the hub's memory without limit.
 */
export function parseServerSentEvents(maxEventChars: number, onEvent: (event: ServerSentEvent) => void): ServerSentEventParser {
  let pending = "";
  let data: string[] = [];
  let dataChars = 0;
  let event: string | undefined;
  let lastEventId: string | undefined;
  let retryMs: number | undefined;
  // A chunk that ended in CR: if the next one starts with LF, the two were one CRLF.
  let skipLeadingLf = false;

  const takeLine = (line: string) => {
    if (line === "") {
      const joined = data.join("\n");
      if (joined !== "") onEvent({ event, data: joined, id: lastEventId });
      data = [];
      dataChars = 0;
      event = undefined;
      return;
    }
    if (line.charCodeAt(0) === 58 /* ":" */) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(line.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1);
    if (field === "data") {
      data.push(value);
      dataChars += value.length;
    } else if (field === "event") event = value;
    else if (field === "id" && !value.includes("\0")) lastEventId = value;
    else if (field === "retry" && /^\d+$/.test(value)) retryMs = Number(value);
  };

  return {
    push(text) {
      const chunk = skipLeadingLf && text.charCodeAt(0) === 10 ? text.slice(1) : text;
      skipLeadingLf = false;
      // Only the new text can hold a line end: `pending` holds none.
      const scanFrom = pending.length;
      pending += chunk;
      let start = 0;
      for (let index = scanFrom; index < pending.length; index++) {
        const code = pending.charCodeAt(index);
        if (code !== 10 && code !== 13) continue;
        takeLine(pending.slice(start, index));
        if (code === 13) {
          if (index + 1 === pending.length) skipLeadingLf = true;
          else if (pending.charCodeAt(index + 1) === 10) index++;
        }
        start = index + 1;
      }
      pending = start === 0 ? pending : pending.slice(start);
      if (pending.length + dataChars > maxEventChars) {
        pending = "";
        data = [];
        dataChars = 0;
        throw new Error(`upstream event exceeds ${maxEventChars} characters`);
      }
    },
    get lastEventId() {
      return lastEventId;
    },
    get retryMs() {
      return retryMs;
    },
  };
}
