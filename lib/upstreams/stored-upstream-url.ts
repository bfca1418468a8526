import { decryptSecret } from "@/lib/secrets/decrypt-secret";
import { encryptSecret } from "@/lib/secrets/encrypt-secret";
import { listUrlSecrets } from "@/lib/upstream-connections/list-url-secrets";
import { redactUrl } from "@/lib/upstream-connections/redact-url";

/** The associated-data label of a sealed URL (stored-config-value's labels are "env:…" and "header:…"). */
const URL_LABEL = "url";

/**
 * How a server URL is stored: `url` as it may be shown (redactUrl), and when that differs from the
 * URL (a password, a query string or a fragment: each may carry a token) the full URL encrypted,
 * like a secret header. A URL without secret parts is stored as typed, with no ciphertext.
 */
export function sealUpstreamUrl(url: string): { url: string; urlEncrypted: string | null } {
  return listUrlSecrets(url).length === 0 ? { url, urlEncrypted: null } : { url: redactUrl(url), urlEncrypted: encryptSecret(url, URL_LABEL) };
}

/**
 * The full URL of a stored row, for connecting (decrypted in memory only; throws HubError when the
 * key is wrong). A row stored before URLs were sealed has its full URL in `url`.
 */
export function openUpstreamUrl(row: { url: string | null; urlEncrypted: string | null }): string | null {
  return row.urlEncrypted ? decryptSecret(row.urlEncrypted, URL_LABEL) : row.url;
}
