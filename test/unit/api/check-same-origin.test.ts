import assert from "node:assert/strict";
import { test } from "node:test";
import { checkSameOrigin, type SameOriginHeaders } from "@/lib/api/check-same-origin";

const TRUSTED = ["hub.example.com", "proxy.internal:8443"];
const NO_ORIGIN = "Cross-site request refused: a cookie-authenticated change needs a same-origin Origin header (or use an API key).";
const headers = (origin: string | null, secFetchSite: string | null = null, host: string | null = "127.0.0.1:3000"): SameOriginHeaders => ({ origin, secFetchSite, host });

const CASES: { name: string; headers: SameOriginHeaders; expected: ReturnType<typeof checkSameOrigin> }[] = [
  { name: "Origin equals Host", headers: headers("http://127.0.0.1:3000"), expected: { ok: true } },
  { name: "Origin on the public URL's host (any port, host given without one)", headers: headers("https://hub.example.com"), expected: { ok: true } },
  { name: "Origin on an allowed host:port", headers: headers("https://proxy.internal:8443"), expected: { ok: true } },
  { name: "allowed host:port but another port", headers: headers("https://proxy.internal:9999"), expected: { ok: false, message: "Cross-site request refused: Origin https://proxy.internal:9999 is not this hub." } },
  { name: "same host name, other port than Host", headers: headers("http://127.0.0.1:4000"), expected: { ok: false, message: "Cross-site request refused: Origin http://127.0.0.1:4000 is not this hub." } },
  { name: "another site", headers: headers("https://evil.example", "same-origin"), expected: { ok: false, message: "Cross-site request refused: Origin https://evil.example is not this hub." } },
  { name: "opaque origin", headers: headers("null"), expected: { ok: false, message: "Cross-site request refused: Origin null is not this hub." } },
  { name: "no Origin, fetch metadata same-origin", headers: headers(null, "same-origin"), expected: { ok: true } },
  { name: "no Origin, fetch metadata same-site", headers: headers(null, "same-site"), expected: { ok: false, message: NO_ORIGIN } },
  { name: "no Origin, fetch metadata cross-site", headers: headers(null, "cross-site"), expected: { ok: false, message: NO_ORIGIN } },
  { name: "neither header", headers: headers(null), expected: { ok: false, message: NO_ORIGIN } },
  { name: "no Host, Origin on a trusted host", headers: headers("https://hub.example.com", null, null), expected: { ok: true } },
];

for (const { name, headers: input, expected } of CASES) {
  test(`checkSameOrigin: ${name}`, () => {
    assert.deepEqual(checkSameOrigin(input, TRUSTED), expected);
  });
}
