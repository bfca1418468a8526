import type { Prisma, Tool } from "@/lib/generated/prisma/client";
import { HubError } from "@/lib/errors/hub-error";

/** The catalogue row of `name`, read inside the caller's transaction; HubError not_found otherwise. */
export async function findToolOrThrow(tx: Pick<Prisma.TransactionClient, "tool">, name: string): Promise<Tool> {
  const tool = await tx.tool.findUnique({ where: { name } });
  if (!tool) throw new HubError("not_found", `Tool ${name} does not exist.`);
  return tool;
}
