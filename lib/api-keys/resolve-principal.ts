import type { Principal } from "@/lib/api-keys/principal";
import { hashApiKey } from "@/lib/api-keys/hash-api-key";
import { API_KEY_MESSAGES, parseApiKey } from "@/lib/api-keys/parse-api-key";
import { PRINCIPAL_KEY_SELECT, principalOfKeyRow } from "@/lib/api-keys/principal-of-key-row";
import { stampKeyLastUsed } from "@/lib/api-keys/stamp-key-last-used";
import { getPrisma } from "@/lib/db/prisma";
import { isDatabaseUnreachable } from "@/lib/db/is-database-unreachable";
import { isDatabaseOutage, noteDatabaseUnreachable } from "@/lib/db/track-database-outage";
import { HubError } from "@/lib/errors/hub-error";
import { databaseUnavailableError } from "@/lib/errors/to-error-envelope";
import { subscribeHubEvents } from "@/lib/events/hub-events";

const POSITIVE_TTL_MS = 5_000;
// Short: a failure cached longer would hide a key minted on another instance, but a revoked key
// hammered by a forgotten agent should not cost a query per request.
const NEGATIVE_TTL_MS = 1_000;
const MAX_ENTRIES = 10_000;
// While the database is unreachable a known key keeps working from its last good entry this long:
// a revocation still applies at once (it arrives as an event and evicts the entry), and an outage
// longer than this fails the key closed (503).
const STALE_SERVE_MS = 5 * 60_000;

type CacheEntry =
  | { until: number; staleUntil: number; principal: Principal; keyExpiresAt: number | null }
  | { until: number; failure: string };

const cache = new Map<string, CacheEntry>();
const inFlight = new Map<string, Promise<CacheEntry>>();
// Bumped by every eviction event so a lookup that raced with a revocation is not cached.
let generation = 0;
let unsubscribe: (() => void) | undefined;

/**
 * The principal behind an API key, given the raw key or a whole `Authorization` header value.
 * Throws HubError("unauthorized") with one distinct message per cause: missing, malformed,
 * bad checksum (both decided without the database), unknown, revoked, expired, owner disabled.
 * Valid principals are cached ~5 s by key hash and evicted at once on key_revoked,
 * user_disabled and permissions_changed; failures are cached ~1 s. While the database is
 * unreachable, a key whose last good entry is under 5 min old keeps working from it; any other
 * key gets HubError unavailable (503 + Retry-After). Stamps lastUsedAt (batched).
 */
export async function resolvePrincipal(authorizationHeaderValueOrSecret: string | null | undefined): Promise<Principal> {
  const parsed = parseApiKey(authorizationHeaderValueOrSecret);
  if (!parsed.ok) throw new HubError("unauthorized", parsed.message);
  unsubscribe ??= subscribeHubEvents((event) => {
    if (event.type === "catalog_changed") return;
    generation += 1;
    for (const [hash, entry] of cache) {
      if (!("principal" in entry)) continue;
      const stale =
        event.type === "permissions_changed" ||
        (event.type === "key_revoked" && entry.principal.keyId === event.keyId) ||
        (event.type === "user_disabled" && entry.principal.userId === event.userId);
      if (stale) cache.delete(hash);
    }
  });
  const hash = hashApiKey(parsed.key);
  const now = Date.now();
  let entry = cache.get(hash);
  if (!entry || entry.until <= now) entry = await refreshEntry(hash, entry, now);
  if ("failure" in entry) throw new HubError("unauthorized", entry.failure);
  if (entry.keyExpiresAt !== null && entry.keyExpiresAt <= Date.now()) {
    cache.delete(hash);
    throw new HubError("unauthorized", API_KEY_MESSAGES.expired);
  }
  void stampKeyLastUsed(entry.principal.keyId);
  return entry.principal;
}

/** Looks the key up again (one query per hash at a time), or serves its last good entry in an outage. */
async function refreshEntry(hash: string, previous: CacheEntry | undefined, now: number): Promise<CacheEntry> {
  const lastGood = previous && "principal" in previous && previous.staleUntil > now ? previous : undefined;
  // During a known outage, skip the query (the outage probe watches for the database's return).
  if (isDatabaseOutage()) {
    noteDatabaseUnreachable(undefined);
    if (lastGood) return lastGood;
    throw databaseUnavailableError();
  }
  if (previous && !lastGood) cache.delete(hash);
  let lookup = inFlight.get(hash);
  if (!lookup) {
    lookup = lookUpKey(hash).finally(() => inFlight.delete(hash));
    inFlight.set(hash, lookup);
  }
  try {
    return await lookup;
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    noteDatabaseUnreachable(error);
    if (lastGood && cache.get(hash) === lastGood) return lastGood;
    throw databaseUnavailableError(error);
  }
}

async function lookUpKey(hash: string): Promise<CacheEntry> {
  const startedAt = generation;
  const row = await getPrisma().apiKey.findUnique({
    where: { hash },
    select: { ...PRINCIPAL_KEY_SELECT, expiresAt: true, revokedAt: true, user: { select: { ...PRINCIPAL_KEY_SELECT.user.select, disabledAt: true } } },
  });
  const now = Date.now();
  let entry: CacheEntry;
  if (!row) entry = { until: now + NEGATIVE_TTL_MS, failure: API_KEY_MESSAGES.unknown };
  else if (row.revokedAt) entry = { until: now + NEGATIVE_TTL_MS, failure: API_KEY_MESSAGES.revoked };
  else if (row.expiresAt && row.expiresAt.getTime() <= now) entry = { until: now + NEGATIVE_TTL_MS, failure: API_KEY_MESSAGES.expired };
  else if (row.user.disabledAt) entry = { until: now + NEGATIVE_TTL_MS, failure: API_KEY_MESSAGES.disabledUser };
  else {
    entry = { until: now + POSITIVE_TTL_MS, staleUntil: now + STALE_SERVE_MS, principal: principalOfKeyRow(row), keyExpiresAt: row.expiresAt?.getTime() ?? null };
  }
  if (startedAt === generation) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(hash, entry);
  }
  return entry;
}
