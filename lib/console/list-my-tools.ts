import type { ConsoleUser } from "@/lib/auth/console-user";
import { listGrantableTools } from "@/lib/console/list-grantable-tools";
import { getPrisma } from "@/lib/db/prisma";
import { getToolStatus } from "@/lib/tool-catalog/get-tool-status";
import { getUpstreamReviewState } from "@/lib/tool-catalog/get-upstream-review-state";

export interface MyTool {
  name: string;
  version: string;
  title: string;
  /** The tool's own description, without the deprecation prefix (the page shows that separately). */
  description: string;
  inputSchema: unknown;
  kind: string;
  status: "active" | "deprecated";
  deprecationMessage: string | null;
  replacement: string | null;
  sunsetAt: Date | null;
}

/**
 * The tools a console user can call right now (what their keys' tools/list shows, before any
 * per-key subset), by name: permitted, enabled, not past sunset and, for an upstream tool,
 * approved (not held for review nor missing upstream).
 */
export async function listMyTools(user: ConsoleUser, now: Date = new Date()): Promise<MyTool[]> {
  const permitted = await listGrantableTools(user);
  if (permitted.length === 0) return [];
  const rows = await getPrisma().tool.findMany({
    where: { name: { in: permitted } },
    orderBy: { name: "asc" },
    select: { name: true, version: true, title: true, kind: true, description: true, inputSchema: true, enabled: true, deprecatedAt: true, deprecationMessage: true, replacement: true, sunsetAt: true, upstream: { select: { missingSince: true, pendingFingerprint: true, approvedFingerprint: true } } },
  });
  return rows.flatMap((row) => {
    const status = getToolStatus(row, now);
    if (status !== "active" && status !== "deprecated") return [];
    if (row.upstream && getUpstreamReviewState(row.upstream) !== "approved") return [];
    return [{ name: row.name, version: row.version, title: row.title, description: row.description, inputSchema: row.inputSchema, kind: row.kind, status, deprecationMessage: row.deprecationMessage, replacement: row.replacement, sunsetAt: row.sunsetAt }];
  });
}
