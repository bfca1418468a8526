import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { OAuthError } from "@/lib/oauth/oauth-error";
import { OAUTH_POLICY } from "@/lib/oauth/oauth-policy";

/** Addresses a metadata fetch must never reach: the hub's own network, not the client's web site. */
const PRIVATE_RANGES = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) PRIVATE_RANGES.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96]] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, "ipv6");
}
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

export interface FetchedMetadataDocument {
  document: unknown;
  /** How long the document may be trusted (Cache-Control max-age, clamped). */
  cacheSeconds: number;
}

/**
 * Fetches a Client ID Metadata Document with SSRF protection: https only, every resolved address
 * public (checked at connect time, so DNS rebinding cannot swap it), at most 3 redirects each
 * re-checked, a 5 s deadline and a 64 KiB cap. `allowLoopback` (a hub served on loopback, i.e.
 * in development) also admits loopback addresses, over http or https. Throws OAuthError
 * invalid_client naming what was wrong.
 */
export async function fetchClientMetadataDocument(url: string, options: { allowLoopback: boolean }): Promise<FetchedMetadataDocument> {
  const { timeoutMs, maxRedirects } = OAUTH_POLICY.metadataDocument;
  const deadline = AbortSignal.timeout(timeoutMs);
  let target = new URL(url);
  for (let hop = 0; ; hop += 1) {
    const reply = await requestOnce(target, options.allowLoopback, deadline);
    if (reply.kind === "document") return reply.value;
    if (hop >= maxRedirects) throw invalid(url, `more than ${maxRedirects} redirects`);
    target = new URL(reply.location, target);
  }
}

function invalid(url: string, reason: string, cause?: unknown): OAuthError {
  return new OAuthError("invalid_client", `Client metadata document ${url} could not be used: ${reason}.`, { cause });
}

function addressAllowed(address: string, family: number, allowLoopback: boolean): boolean {
  const type = family === 6 ? "ipv6" : "ipv4";
  if (allowLoopback && LOOPBACK.check(address, type)) return true;
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is checked as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return !PRIVATE_RANGES.check(mapped[1], "ipv4");
  return !PRIVATE_RANGES.check(address, type);
}

function requestOnce(
  target: URL,
  allowLoopback: boolean,
  signal: AbortSignal,
): Promise<{ kind: "document"; value: FetchedMetadataDocument } | { kind: "redirect"; location: string }> {
  const url = target.href;
  const loopbackHttp = allowLoopback && target.protocol === "http:";
  if (target.protocol !== "https:" && !loopbackHttp) return Promise.reject(invalid(url, "it must be an https URL"));
  if (target.username || target.password) return Promise.reject(invalid(url, "it must not carry credentials"));
  const literal = target.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && !addressAllowed(literal, isIP(literal), allowLoopback)) return Promise.reject(invalid(url, "it points at a private address"));
  if (loopbackHttp && !isIP(literal) && literal !== "localhost") return Promise.reject(invalid(url, "it must be an https URL"));
  const checkedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const refused = addresses.find((entry) => !addressAllowed(entry.address, entry.family, allowLoopback));
      if (refused || addresses.length === 0) return callback(Object.assign(new Error(`private address ${refused?.address}`), { code: "EPRIVATE" }), "", 0);
      if (lookupOptions.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(target, { lookup: checkedLookup, signal, headers: { accept: "application/json" } }, (response) => {
      const status = response.statusCode ?? 0;
      if ([301, 302, 303, 307, 308].includes(status) && response.headers.location) {
        response.resume();
        resolve({ kind: "redirect", location: response.headers.location });
        return;
      }
      if (status !== 200) {
        response.resume();
        reject(invalid(url, `it answered HTTP ${status}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > OAUTH_POLICY.metadataDocument.maxBytes) {
          request.destroy();
          reject(invalid(url, `it is larger than ${OAUTH_POLICY.metadataDocument.maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      response.once("end", () => {
        let document: unknown;
        try {
          document = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch (error) {
          reject(invalid(url, "it is not JSON", error));
          return;
        }
        resolve({ kind: "document", value: { document, cacheSeconds: cacheSecondsOf(response.headers["cache-control"]) } });
      });
      response.once("error", (error) => reject(invalid(url, "the response broke off", error)));
    });
    request.once("error", (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === "EPRIVATE" ? "it resolves to a private address" : error.name === "AbortError" || error.name === "TimeoutError" ? `no answer within ${OAUTH_POLICY.metadataDocument.timeoutMs} ms` : "it could not be fetched";
      reject(invalid(url, reason, error));
    });
  });
}

function cacheSecondsOf(cacheControl: string | undefined): number {
  const { minCacheSeconds, maxCacheSeconds } = OAUTH_POLICY.metadataDocument;
  if (cacheControl && /\b(no-store|no-cache)\b/i.test(cacheControl)) return minCacheSeconds;
  const maxAge = /\bmax-age=(\d+)/i.exec(cacheControl ?? "");
  const seconds = maxAge ? Number(maxAge[1]) : 3600;
  return Math.min(maxCacheSeconds, Math.max(minCacheSeconds, seconds));
}
