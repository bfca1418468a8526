import { API_KEY_FORMAT } from "@/lib/api-keys/api-key-format";
import { computeApiKeyChecksum } from "@/lib/api-keys/compute-api-key-checksum";

export type ApiKeyParseFailure = "missing" | "malformed" | "checksum";

export type ParsedApiKey =
  | { ok: true; key: string; prefix: string }
  | { ok: false; reason: ApiKeyParseFailure; message: string };

export const API_KEY_MESSAGES = {
  missing: "Missing API key: send Authorization: Bearer <key>.",
  malformed: `Malformed API key: expected ${API_KEY_FORMAT.prefix} followed by ${API_KEY_FORMAT.secretLength + API_KEY_FORMAT.checksumLength} letters and digits.`,
  malformedHeader: "Malformed Authorization header: expected Bearer <key>.",
  checksum: "Invalid API key: checksum mismatch (mistyped or truncated key).",
  unknown: "Invalid API key: no such key.",
  revoked: "API key revoked: create a new key.",
  expired: "API key expired: create a new key.",
  disabledUser: "API key owner is disabled: ask an admin to re-enable the account.",
} as const;

const BASE62_BODY = new RegExp(`^[0-9A-Za-z]{${API_KEY_FORMAT.secretLength + API_KEY_FORMAT.checksumLength}}$`);

/**
 * Checks a presented key — raw (`sb_…`) or a whole Authorization header value (`Bearer sb_…`) —
 * without touching the database: shape, then checksum. Pure.
 */
export function parseApiKey(value: string | null | undefined): ParsedApiKey {
  const trimmed = value?.trim() ?? "";
  if (trimmed === "") return { ok: false, reason: "missing", message: API_KEY_MESSAGES.missing };
  let key = trimmed;
  const scheme = /^(\S+)\s+(.*)$/.exec(trimmed);
  if (scheme) {
    if (scheme[1].toLowerCase() !== "bearer") return { ok: false, reason: "malformed", message: API_KEY_MESSAGES.malformedHeader };
    key = scheme[2].trim();
  } else if (/^bearer$/i.test(trimmed)) {
    return { ok: false, reason: "missing", message: API_KEY_MESSAGES.missing };
  }
  const { prefix, secretLength, visiblePrefixLength } = API_KEY_FORMAT;
  const body = key.slice(prefix.length);
  if (!key.startsWith(prefix) || !BASE62_BODY.test(body)) return { ok: false, reason: "malformed", message: API_KEY_MESSAGES.malformed };
  if (computeApiKeyChecksum(body.slice(0, secretLength)) !== body.slice(secretLength)) {
    return { ok: false, reason: "checksum", message: API_KEY_MESSAGES.checksum };
  }
  return { ok: true, key, prefix: key.slice(0, visiblePrefixLength) };
}
