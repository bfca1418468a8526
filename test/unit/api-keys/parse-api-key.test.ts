import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import { test } from "node:test";
import { API_KEY_FORMAT } from "@/lib/api-keys/api-key-format";
import { computeApiKeyChecksum } from "@/lib/api-keys/compute-api-key-checksum";
import { generateApiKey } from "@/lib/api-keys/generate-api-key";
import { API_KEY_MESSAGES, parseApiKey } from "@/lib/api-keys/parse-api-key";

const SECRET = "0123456789abcdefghijABCDEFGHIJ01";
const VALID = `sb_${SECRET}1ahSqu`;

test("the checksum is the secret's CRC32 in 6 base62 characters", () => {
  for (const [secret, expected] of [
    [SECRET, "1ahSqu"],
    ["00000000000000000000000000000000", "2wjyrI"],
  ] as const) {
    const checksum = computeApiKeyChecksum(secret);
    assert.equal(checksum, expected);
    const decoded = [...checksum].reduce((value, char) => value * 62 + API_KEY_FORMAT.alphabet.indexOf(char), 0);
    assert.equal(decoded, crc32(secret), "decodes back to the CRC32");
  }
});

test("generated keys have the fixed layout, parse, and store only a hash and a 12-character prefix", () => {
  const seen = new Set<string>();
  for (let i = 0; i < 500; i += 1) {
    const { key, prefix, hash } = generateApiKey();
    assert.match(key, /^sb_[0-9A-Za-z]{38}$/);
    assert.equal(key.length, API_KEY_FORMAT.length);
    assert.equal(prefix, key.slice(0, 12));
    assert.equal(hash, createHash("sha256").update(key).digest("hex"));
    assert.deepEqual(parseApiKey(key), { ok: true, key, prefix });
    seen.add(key);
  }
  assert.equal(seen.size, 500);
});

const failures: Array<[string, string | null | undefined, "missing" | "malformed" | "checksum", string]> = [
  ["undefined", undefined, "missing", API_KEY_MESSAGES.missing],
  ["null", null, "missing", API_KEY_MESSAGES.missing],
  ["empty", "", "missing", API_KEY_MESSAGES.missing],
  ["blank", "   ", "missing", API_KEY_MESSAGES.missing],
  ["Bearer without a key", "Bearer", "missing", API_KEY_MESSAGES.missing],
  ["Bearer with blanks", "Bearer    ", "missing", API_KEY_MESSAGES.missing],
  ["other scheme", `Basic ${VALID}`, "malformed", API_KEY_MESSAGES.malformedHeader],
  ["wrong prefix", `sk_${SECRET}1ahSqu`, "malformed", API_KEY_MESSAGES.malformed],
  ["upper-case prefix", `SB_${SECRET}1ahSqu`, "malformed", API_KEY_MESSAGES.malformed],
  ["truncated", VALID.slice(0, -1), "malformed", API_KEY_MESSAGES.malformed],
  ["one character too many", `${VALID}x`, "malformed", API_KEY_MESSAGES.malformed],
  ["non-base62 character", `sb_${SECRET.slice(0, -1)}-1ahSqu`, "malformed", API_KEY_MESSAGES.malformed],
  ["key with a space inside", `Bearer sb_${SECRET} 1ahSqu`, "malformed", API_KEY_MESSAGES.malformed],
  ["typo in the secret", `sb_${SECRET.replace("a", "b")}1ahSqu`, "checksum", API_KEY_MESSAGES.checksum],
  ["swapped characters", `sb_${SECRET.replace("01", "10")}1ahSqu`, "checksum", API_KEY_MESSAGES.checksum],
  ["typo in the checksum", `sb_${SECRET}1ahSqv`, "checksum", API_KEY_MESSAGES.checksum],
];

for (const [name, input, reason, message] of failures) {
  test(`parseApiKey refuses: ${name}`, () => {
    assert.deepEqual(parseApiKey(input), { ok: false, reason, message });
  });
}

for (const [name, input] of [
  ["raw key", VALID],
  ["raw key with surrounding blanks", `  ${VALID}\n`],
  ["Bearer header", `Bearer ${VALID}`],
  ["lower-case scheme, extra spaces", `bearer   ${VALID}`],
] as const) {
  test(`parseApiKey accepts: ${name}`, () => {
    assert.deepEqual(parseApiKey(input), { ok: true, key: VALID, prefix: VALID.slice(0, 12) });
  });
}
