/** Per-call events: on a terminal they are debug detail, not start-up news (JSON logs keep them at info). */
const PER_CALL_EVENTS = new Set(["tool_call_success", "tool_call_error", "rate_limit_violation"]);
const LEVELS: Record<number, { name: string; colour: string }> = {
  10: { name: "TRACE", colour: "\x1b[90m" },
  20: { name: "DEBUG", colour: "\x1b[90m" },
  30: { name: "INFO ", colour: "\x1b[36m" },
  40: { name: "WARN ", colour: "\x1b[33m" },
  50: { name: "ERROR", colour: "\x1b[31m" },
  60: { name: "FATAL", colour: "\x1b[41m" },
};
const OMITTED = new Set(["level", "time", "service", "msg", "pid", "hostname", "event", "err"]);
const RESET = "\x1b[0m";
const DIM = "\x1b[2m";

function formatValue(value: unknown): string {
  const text = typeof value === "string" ? value : Array.isArray(value) && value.every((item) => typeof item !== "object") ? value.join(",") : JSON.stringify(value);
  return /[\s"=]/.test(text) ? JSON.stringify(text) : text;
}

/**
 * A pino destination for people at a terminal: each JSON line becomes
 * `12:04:05 INFO  Switchboard is ready … key=value …` (an error's stack below it), and per-call
 * events count as debug, shown only when `debugEnabled`. Lines that are not JSON pass through.
 */
export function createReadableLogStream(options: { out: { write(text: string): unknown }; debugEnabled: boolean; colour: boolean }): { write(line: string): void } {
  const paint = (code: string, text: string) => (options.colour ? `${code}${text}${RESET}` : text);
  return {
    write(line) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        options.out.write(line);
        return;
      }
      if (PER_CALL_EVENTS.has(String(entry.event)) && !options.debugEnabled) return;
      const level = LEVELS[Number(entry.level)] ?? LEVELS[30];
      const time = typeof entry.time === "string" ? entry.time.slice(11, 19) : "";
      const fields = Object.entries(entry)
        .filter(([name, value]) => !OMITTED.has(name) && value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0))
        .map(([name, value]) => `${name}=${formatValue(value)}`);
      const err = entry.err as { message?: string; stack?: string } | string | undefined;
      const errText = typeof err === "string" ? err : err?.stack ?? err?.message;
      const detail = fields.length > 0 ? ` ${paint(DIM, fields.join(" "))}` : "";
      options.out.write(`${paint(DIM, time)} ${paint(level.colour, level.name)} ${String(entry.msg ?? "")}${detail}${errText ? `\n${paint(DIM, errText)}` : ""}\n`);
    },
  };
}
