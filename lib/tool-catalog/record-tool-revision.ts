import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Records a schema a tool has had (once per distinct hash), inside the caller's transaction.
 * skipDuplicates keeps a restart or a concurrent instance from failing on the unique key.
 */
export async function recordToolRevision(
  tx: Pick<Prisma.TransactionClient, "toolRevision">,
  revision: { toolName: string; version: string; schemaHash: string; inputSchema: Record<string, unknown> },
): Promise<void> {
  await tx.toolRevision.createMany({
    data: [{ ...revision, inputSchema: revision.inputSchema as Prisma.InputJsonValue }],
    skipDuplicates: true,
  });
}
