import { getPrisma } from "@/lib/db/prisma";
import { publishHubEvent, subscribeHubEvents } from "@/lib/events/hub-events";
import { logger } from "@/lib/log/logger";
import { openedWithConfig } from "@/lib/upstream-connections/opened-with-config";
import { getUpstreamPool } from "@/lib/upstream-connections/upstream-pool";
import { announceUpstreamListChange } from "@/lib/upstreams/announce-upstream-list-change";
import { listUpstreamTools } from "@/lib/upstreams/list-upstream-tools";
import { readUpstreamConfig } from "@/lib/upstreams/read-upstream-config";
import { sealStoredUpstreamUrls } from "@/lib/upstreams/seal-stored-upstream-urls";
import { syncUpstreamTools } from "@/lib/upstreams/sync-upstream-tools";
import { getUpstreamResourceSubscriptions } from "@/lib/upstreams/upstream-resource-subscriptions";

/** How long a re-read of an upstream's tool list may take. */
const LIST_TIMEOUT_MS = 30_000;

/**
 * Wires this process's upstream pool to the registry and starts it: configs (secrets decrypted)
 * come from Postgres, every (re)connect, list_changed announcement and periodic re-sync re-reads
 * the server's tools into the catalogue (changed ones held), a resources/prompts list_changed
 * announcement becomes one hub event however many instances heard it (so the sessions of every
 * instance that may see the server hear it once: announceUpstreamListChange), a resource update
 * goes to this instance's subscribers and each new connection renews their subscriptions
 * (upstream-resource-subscriptions.ts), status changes are stored for the console and the CLI,
 * and an upstreams_changed event drops a server's connection so the next use reconnects with its
 * new config (a rename first moves the resource watches to the new name). Every registered server
 * is connected in the background.
 * Returns the stop function (stops every stdio process and connection).
 */
export async function startUpstreamFederation(options: { resyncSeconds: number }): Promise<() => Promise<void>> {
  const prisma = getPrisma();
  const pool = getUpstreamPool();
  const resourceSubscriptions = getUpstreamResourceSubscriptions();
  let stopping = false;
  const statusWrites = new Map<string, Promise<void>>();
  pool.configure({
    async loadConfig(name) {
      const row = await prisma.upstreamServer.findUnique({ where: { name } });
      return row ? readUpstreamConfig(row) : undefined;
    },
    async onToolsMayHaveChanged(name, client) {
      const row = await prisma.upstreamServer.findUnique({ where: { name }, select: { id: true } });
      if (!row || stopping) return;
      const { tools, skipped } = await listUpstreamTools(client, LIST_TIMEOUT_MS);
      if (skipped.length > 0) logger.warn({ server: name, skipped }, "upstream tools not served");
      // The settings this connection was opened with: an edit may have committed since (the old
      // connection is let go only once every instance hears of it), and its list must not undo
      // the hold the edit put on the new upstream's tools.
      const settingsVersion = openedWithConfig(client)?.settingsVersion;
      const summary = await syncUpstreamTools({ serverId: row.id, serverName: name, serverVersion: client.getServerVersion()?.version, tools, settingsVersion });
      if (summary.stale) logger.debug({ server: name }, "tool list from a connection with older settings ignored");
      if (summary.held.length + summary.missing.length + summary.restored.length > 0) logger.info({ server: name, ...summary }, "upstream tools changed");
    },
    onExtrasChanged(name, list) {
      if (!stopping) void announceUpstreamListChange(name, list);
    },
    onResourceUpdated(name, uri) {
      if (!stopping) resourceSubscriptions.onUpstreamUpdated(name, uri);
    },
    onConnected(name) {
      if (!stopping) resourceSubscriptions.onUpstreamConnected(name);
    },
    onStatus(name, status) {
      if (stopping) return;
      // One write after another per server: "failing", "starting", "connected" follow each other
      // within milliseconds, and updates in flight on different pooled database connections may
      // commit out of order, leaving a connected server shown as starting.
      const write = (statusWrites.get(name) ?? Promise.resolve())
        .then(() => prisma.upstreamServer.updateMany({ where: { name }, data: { status: status.state, lastError: status.lastError, statusAt: status.at } }))
        .then(
          () => {},
          (error: unknown) => logger.warn({ server: name, err: error }, "recording an upstream's status failed"),
        );
      statusWrites.set(name, write);
      void write.then(() => {
        if (statusWrites.get(name) === write) statusWrites.delete(name);
      });
    },
  });
  const unsubscribe = subscribeHubEvents((event) => {
    if (event.type !== "upstreams_changed") return;
    // Before the old connection goes: an update it still delivers finds no watch under the old name.
    if (event.renamed && !stopping) resourceSubscriptions.onUpstreamRenamed(event.renamed.from, event.renamed.to);
    void pool.forget({ id: event.serverId }).then(async () => {
      const row = await prisma.upstreamServer.findUnique({ where: { id: event.serverId }, select: { name: true } });
      if (row && !stopping) await pool.connectAll([row.name]);
    }).catch((error: unknown) => logger.warn({ err: error }, "reconnecting a changed upstream failed"));
  });
  const timer = setInterval(() => void pool.resyncAll(), options.resyncSeconds * 1000);
  timer.unref();
  // Before any connection is opened, so none reads a server's settings from before the sealing.
  const sealed = await sealStoredUpstreamUrls();
  if (sealed.length > 0) logger.info({ servers: sealed.length }, "server URLs stored before their secret parts were encrypted are now sealed");
  // Other instances may hold connections opened with the settings from before.
  for (const serverId of sealed) publishHubEvent({ type: "upstreams_changed", serverId });
  const names = (await prisma.upstreamServer.findMany({ select: { name: true } })).map((row) => row.name);
  // In the background: a slow or broken upstream must not delay the hub's start.
  void pool.connectAll(names);
  return async () => {
    stopping = true;
    clearInterval(timer);
    unsubscribe();
    await pool.closeAll();
  };
}
