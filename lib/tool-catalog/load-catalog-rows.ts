import type { CommandTool, Tool } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/prisma";

export type CatalogRow = Tool & { command: CommandTool | null };

/** Every catalogue row with its command definition, by name. One query; callers cache it. */
export async function loadCatalogRows(): Promise<CatalogRow[]> {
  return getPrisma().tool.findMany({ include: { command: true }, orderBy: { name: "asc" } });
}
