import type { CommandTool, Tool, UpstreamTool } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/prisma";

export type CatalogRow = Tool & { command: CommandTool | null; upstream: (UpstreamTool & { server: { name: string; timeoutMs: number } }) | null };

/** Every catalogue row with its command definition or upstream state, by name. One query; callers cache it. */
export async function loadCatalogRows(): Promise<CatalogRow[]> {
  return getPrisma().tool.findMany({ include: { command: true, upstream: { include: { server: { select: { name: true, timeoutMs: true } } } } }, orderBy: { name: "asc" } });
}
