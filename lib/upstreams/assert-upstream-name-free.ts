import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { UPSTREAM_SEPARATOR } from "@/lib/upstreams/upstream-tool-name";

/**
 * Throws HubError conflict when `name` is a registered server's, or when a catalogue tool already
 * starts with NAME__ (its tools would share the prefix and be indistinguishable). Pass the
 * transaction client to check inside the transaction that then takes the name: the unique index
 * would otherwise surface a race as a 500.
 */
export async function assertUpstreamNameFree(name: string, db: Prisma.TransactionClient = getPrisma()): Promise<void> {
  const [server, tool] = await Promise.all([
    db.upstreamServer.findUnique({ where: { name }, select: { id: true } }),
    db.tool.findFirst({ where: { name: { startsWith: `${name}${UPSTREAM_SEPARATOR}` } }, select: { name: true } }),
  ]);
  if (server) throw new HubError("conflict", `A server named ${name} already exists; choose another name or remove it first (server remove ${name}).`);
  if (tool) throw new HubError("conflict", `The tool ${tool.name} already uses the prefix ${name}${UPSTREAM_SEPARATOR}; choose another server name.`);
}
