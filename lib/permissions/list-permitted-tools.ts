import type { Principal } from "@/lib/api-keys/principal";
import { getPrisma } from "@/lib/db/prisma";
import { subscribeHubEvents } from "@/lib/events/hub-events";
import type { Role } from "@/lib/generated/prisma/enums";
import { computePermittedTools } from "@/lib/permissions/compute-permitted-tools";

/** Safety net for changes made where no event reaches this instance (no fan-out, manual SQL). */
const SNAPSHOT_TTL_MS = 30_000;

interface PermissionSnapshot {
  tools: { name: string; public: boolean; server: string | null }[];
  roleGrants: Map<Role, Set<string>>;
  userGrants: Map<string, Set<string>>;
  /** Server grants, keyed "role:<role>" or "user:<id>". */
  serverGrants: Map<string, Set<string>>;
  loadedAt: number;
}

interface PermissionCache {
  /** The snapshot in use; null after an invalidating event (callers then wait for a fresh one). */
  current: PermissionSnapshot | null;
  loading: Promise<void> | null;
  /** Bumped by every invalidating event, so a load that raced with a change is not kept. */
  generation: number;
  /** Results per key, valid for the snapshot they were computed from. */
  byKey: Map<string, { snapshot: PermissionSnapshot; signature: string; tools: ReadonlySet<string> }>;
}

const globalForPermissions = globalThis as unknown as { switchboardPermissions?: PermissionCache };

function getCache(): PermissionCache {
  let cache = globalForPermissions.switchboardPermissions;
  if (!cache) {
    const created: PermissionCache = { current: null, loading: null, generation: 0, byKey: new Map() };
    subscribeHubEvents((event) => {
      if (event.type === "permissions_changed" || event.type === "catalog_changed" || event.type === "user_disabled") {
        created.generation += 1;
        created.current = null;
        created.byKey.clear();
      }
    });
    cache = globalForPermissions.switchboardPermissions = created;
  }
  return cache;
}

async function loadSnapshot(): Promise<PermissionSnapshot> {
  const prisma = getPrisma();
  // Grants are few (tools × roles + per-user exceptions): one read of the whole table is cheaper
  // than a query per user and lets every call be answered from memory.
  const [toolRows, grants, serverGrantRows] = await Promise.all([
    prisma.tool.findMany({ select: { name: true, public: true, upstream: { select: { server: { select: { name: true } } } } } }),
    prisma.toolGrant.findMany({ select: { toolName: true, role: true, userId: true } }),
    prisma.serverGrant.findMany({ select: { role: true, userId: true, server: { select: { name: true } } } }),
  ]);
  const tools = toolRows.map((row) => ({ name: row.name, public: row.public, server: row.upstream?.server.name ?? null }));
  const serverGrants = new Map<string, Set<string>>();
  for (const grant of serverGrantRows) {
    const key = grant.role ? `role:${grant.role}` : `user:${grant.userId}`;
    serverGrants.set(key, (serverGrants.get(key) ?? new Set<string>()).add(grant.server.name));
  }
  const roleGrants = new Map<Role, Set<string>>();
  const userGrants = new Map<string, Set<string>>();
  for (const grant of grants) {
    if (grant.role) {
      const set = roleGrants.get(grant.role) ?? new Set<string>();
      roleGrants.set(grant.role, set.add(grant.toolName));
    } else if (grant.userId) {
      const set = userGrants.get(grant.userId) ?? new Set<string>();
      userGrants.set(grant.userId, set.add(grant.toolName));
    }
  }
  return { tools, roleGrants, userGrants, serverGrants, loadedAt: Date.now() };
}

function startLoading(cache: PermissionCache): Promise<void> {
  const generation = cache.generation;
  cache.loading ??= loadSnapshot()
    .then((snapshot) => {
      if (generation === cache.generation) cache.current = snapshot;
    })
    .finally(() => {
      cache.loading = null;
    });
  return cache.loading;
}

async function getSnapshot(cache: PermissionCache): Promise<PermissionSnapshot> {
  const current = cache.current;
  if (current && Date.now() - current.loadedAt <= SNAPSHOT_TTL_MS) return current;
  // Merely old (no event since): answer from it while a fresh one loads in the background.
  if (current) {
    startLoading(cache).catch(() => {});
    return current;
  }
  // Invalidated or never loaded: wait. A failed load rejects (the call fails closed).
  while (!cache.current) await startLoading(cache);
  return cache.current;
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * The names of the catalogue tools this principal may call: (public ∪ granted to its role ∪
 * granted to its user; admins: every tool) ∩ the key's allowedTools when that is non-empty.
 * Answered from memory; the cache is dropped on permissions_changed, catalog_changed and
 * user_disabled hub events (and re-read at most every 30 s).
 */
export async function listPermittedTools(principal: Principal): Promise<ReadonlySet<string>> {
  const cache = getCache();
  const snapshot = await getSnapshot(cache);
  const signature = `${principal.userId}|${principal.role}|${principal.allowedTools.join(",")}`;
  const cached = cache.byKey.get(principal.keyId);
  if (cached && cached.snapshot === snapshot && cached.signature === signature) return cached.tools;
  const tools = computePermittedTools({
    tools: snapshot.tools,
    role: principal.role,
    roleGrants: snapshot.roleGrants.get(principal.role) ?? EMPTY,
    userGrants: snapshot.userGrants.get(principal.userId) ?? EMPTY,
    serverGrants: new Set([...(snapshot.serverGrants.get(`role:${principal.role}`) ?? EMPTY), ...(snapshot.serverGrants.get(`user:${principal.userId}`) ?? EMPTY)]),
    allowedTools: principal.allowedTools,
  });
  if (cache.byKey.size > 10_000) cache.byKey.clear();
  cache.byKey.set(principal.keyId, { snapshot, signature, tools });
  return tools;
}
