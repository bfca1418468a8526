import type { Principal } from "@/lib/api-keys/principal";
import { getPrisma } from "@/lib/db/prisma";
import { subscribeHubEvents } from "@/lib/events/hub-events";
import type { Role } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/log/logger";
import { parseRateLimitPolicy } from "@/lib/rate-limit/parse-rate-limit-policy";
import { RATE_LIMIT_POLICIES, type RateLimitPolicy } from "@/lib/rate-limit/policies";

/** Role overrides are re-read at most this often, so another instance's change lands in time. */
const ROLE_POLICY_TTL_MS = 30_000;

interface PolicyCache {
  roles: Map<Role, RateLimitPolicy> | null;
  loadedAt: number;
  loading: Promise<void> | null;
  /** Bumped on permissions_changed, so a load that raced with a change is not trusted. */
  generation: number;
  parsedKeyPolicies: Map<string, RateLimitPolicy>;
  unsubscribe?: () => void;
}

const globalForPolicies = globalThis as unknown as { switchboardRateLimitPolicies?: PolicyCache };

function getCache(): PolicyCache {
  let cache = globalForPolicies.switchboardRateLimitPolicies;
  if (!cache) {
    const created: PolicyCache = { roles: null, loadedAt: 0, loading: null, generation: 0, parsedKeyPolicies: new Map() };
    // Role overrides are changed by setRoleRateLimitPolicy, which publishes permissions_changed.
    // After a change, calls wait for the new overrides instead of being answered from stale ones.
    created.unsubscribe = subscribeHubEvents((event) => {
      if (event.type !== "permissions_changed") return;
      created.generation += 1;
      created.roles = null;
      created.loadedAt = 0;
    });
    cache = globalForPolicies.switchboardRateLimitPolicies = created;
  }
  return cache;
}

async function loadRolePolicies(cache: PolicyCache): Promise<void> {
  const generation = cache.generation;
  try {
    const rows = await getPrisma().rateLimitPolicy.findMany();
    // Changed while loading: these rows may predate the change; the caller loads again.
    if (generation !== cache.generation) return;
    cache.roles = new Map(rows.map((row) => [row.role, { limit: row.limit, windowSeconds: row.windowSeconds }]));
  } catch (err) {
    // Never fail a call over policy lookup: keep the last known overrides (or the default).
    logger.warn({ event: "rate_limit_policy_load_failed", err: err instanceof Error ? err.message : String(err) }, "Could not load role rate-limit policies");
    cache.roles ??= new Map();
  }
  cache.loadedAt = Date.now();
}

function startLoading(cache: PolicyCache): Promise<void> {
  cache.loading ??= loadRolePolicies(cache).finally(() => {
    cache.loading = null;
  });
  return cache.loading;
}

/**
 * The policy for a principal: the key's own override ("600/1m"), else its role's override, else
 * RATE_LIMIT_POLICIES.toolCalls. No database query per call: role overrides are cached (refreshed
 * in the background every 30 s and on permissions_changed); only the very first call waits.
 */
export async function resolveRateLimitPolicy(principal: Principal): Promise<RateLimitPolicy> {
  const cache = getCache();
  if (principal.rateLimitPolicy) {
    const known = cache.parsedKeyPolicies.get(principal.rateLimitPolicy);
    if (known) return known;
    const parsed = parseRateLimitPolicy(principal.rateLimitPolicy);
    if (parsed.ok) {
      if (cache.parsedKeyPolicies.size > 10_000) cache.parsedKeyPolicies.clear();
      cache.parsedKeyPolicies.set(principal.rateLimitPolicy, parsed.policy);
      return parsed.policy;
    }
    // Keys are validated when created; a bad stored value falls back rather than failing calls.
    logger.warn({ event: "invalid_key_rate_limit_policy", keyPrefix: principal.keyPrefix }, parsed.message);
  }
  if (Date.now() - cache.loadedAt > ROLE_POLICY_TTL_MS) startLoading(cache);
  while (!cache.roles) await startLoading(cache);
  return cache.roles.get(principal.role) ?? RATE_LIMIT_POLICIES.toolCalls;
}
