export interface ServerSentEvent {
  event?: string;
  data: string;
  id?: string;
}

export interface ServerSentEventParser {
  /** Feeds decoded text; calls onEvent for each complete event. Throws past the size cap. */
  push(text: string): void;
}

/**
 * An incremental text/event-stream parser (the WHATWG rules: `data` lines joined by "\n", an
 * `event` name, an `id`, comments and unknown fields ignored, CRLF/CR/LF line ends), for answers
 * read off node:http. `maxEventChars` bounds what one unfinished event may buffer, so an upstream
 * that never ends an event cannot grow the hub's memory without limit.
 */
export function parseServerSentEvents(maxEventChars: number, onEvent: (event: ServerSentEvent) => void): ServerSentEventParser {
  let pending = "";
  let data: string[] = [];
  let event: string | undefined;
  let id: string | undefined;
  // A chunk that ended in CR: if the next one starts with LF, the two were one CRLF.
  let skipLeadingLf = false;

  const takeLine = (line: string) => {
    if (line === "") {
      if (data.length > 0) onEvent({ event, data: data.join("\n"), id });
      data = [];
      event = undefined;
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(line.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1);
    if (field === "data") data.push(value);
    else if (field === "event") event = value;
    else if (field === "id" && !value.includes("\0")) id = value;
  };

  return {
    push(text) {
      pending += skipLeadingLf && text.charCodeAt(0) === 10 ? text.slice(1) : text;
      skipLeadingLf = false;
      let start = 0;
      for (;;) {
        const lf = pending.indexOf("\n", start);
        const cr = pending.indexOf("\r", start);
        const end = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
        if (end < 0) break;
        takeLine(pending.slice(start, end));
        if (end === cr && end === pending.length - 1) skipLeadingLf = true;
        start = end === cr && pending.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
      }
      pending = pending.slice(start);
      const buffered = pending.length + data.reduce((sum, line) => sum + line.length, 0);
      if (buffered > maxEventChars) {
        pending = "";
        data = [];
        throw new Error(`upstream event exceeds ${maxEventChars} characters`);
      }
    },
  };
}
