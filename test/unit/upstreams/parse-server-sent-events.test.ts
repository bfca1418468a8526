import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseServerSentEvents, type ServerSentEvent } from "@/lib/upstream-connections/parse-server-sent-events";

function parse(chunks: string[], maxEventChars = 1000): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const parser = parseServerSentEvents(maxEventChars, (event) => events.push(event));
  for (const chunk of chunks) parser.push(chunk);
  return events;
}

describe("parseServerSentEvents", () => {
  const cases: Array<{ name: string; chunks: string[]; events: ServerSentEvent[] }> = [
    { name: "one event, as the SDK server writes it", chunks: ['event: message\ndata: {"id":1}\n\n'], events: [{ event: "message", data: '{"id":1}', id: undefined }] },
    { name: "an event id is kept", chunks: ["id: 7\ndata: x\n\n"], events: [{ event: undefined, data: "x", id: "7" }] },
    { name: "data lines are joined with newlines", chunks: ["data: a\ndata: b\n\n"], events: [{ event: undefined, data: "a\nb", id: undefined }] },
    { name: "no space after the colon", chunks: ["data:x\n\n"], events: [{ event: undefined, data: "x", id: undefined }] },
    { name: "comments, unknown fields and events without data are skipped", chunks: [": keep-alive\nretry: 10\nfoo: bar\n\nevent: ping\n\ndata: y\n\n"], events: [{ event: undefined, data: "y", id: undefined }] },
    { name: "CRLF line ends", chunks: ["data: a\r\n\r\n"], events: [{ event: undefined, data: "a", id: undefined }] },
    { name: "CR line ends", chunks: ["data: a\r\rdata: b\r\r"], events: [{ event: undefined, data: "a", id: undefined }, { event: undefined, data: "b", id: undefined }] },
    { name: "a CRLF split across chunks is one line end", chunks: ["data: a\r", "\n\r", "\n"], events: [{ event: undefined, data: "a", id: undefined }] },
    { name: "an event split mid-field across chunks", chunks: ['da', 'ta: {"a"', ':1}\n', "\n"], events: [{ event: undefined, data: '{"a":1}', id: undefined }] },
    { name: "two events in one chunk", chunks: ["data: 1\n\ndata: 2\n\n"], events: [{ event: undefined, data: "1", id: undefined }, { event: undefined, data: "2", id: undefined }] },
    { name: "an unfinished event is not delivered", chunks: ["data: 1\n"], events: [] },
  ];
  for (const { name, chunks, events } of cases) test(name, () => assert.deepEqual(parse(chunks), events));

  test("a priming event (an id, empty data) is not dispatched but is the last event id; retry is kept", () => {
    const events: ServerSentEvent[] = [];
    const parser = parseServerSentEvents(1000, (event) => events.push(event));
    parser.push("id: abc\ndata: \n\nretry: 2500\n\n");
    assert.deepEqual(events, []);
    assert.equal(parser.lastEventId, "abc");
    assert.equal(parser.retryMs, 2500);
    parser.push('data: {"id":1}\n\n');
    assert.deepEqual(events, [{ event: undefined, data: '{"id":1}', id: "abc" }]);
  });

  test("a 10 MB event in 64 KB chunks, CRLF split at chunk edges, is one event", () => {
    const payload = "x".repeat(10 * 1024 * 1024);
    const text = `data: ${payload}\r\n\r\n`;
    const chunks: string[] = [];
    for (let at = 0; at < text.length; at += 65536) chunks.push(text.slice(at, at + 65536));
    const events = parse(chunks, 11 * 1024 * 1024);
    assert.equal(events.length, 1);
    assert.equal(events[0].data.length, payload.length);
  });

  test("an event that outgrows the cap throws and is dropped", () => {
    const events: ServerSentEvent[] = [];
    const parser = parseServerSentEvents(10, (event) => events.push(event));
    assert.throws(() => parser.push("data: 0123456789abc"), /exceeds 10 characters/);
    assert.throws(() => parser.push("data: 01234\ndata: 456789\n"), /exceeds 10 characters/);
    parser.push("data: ok\n\n");
    assert.deepEqual(events, [{ event: undefined, data: "ok", id: undefined }]);
  });
});
