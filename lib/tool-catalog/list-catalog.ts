import { getPrisma } from "@/lib/db/prisma";
import { formatToolDescription } from "@/lib/tool-catalog/format-tool-description";
import { getToolStatus, type ToolStatus } from "@/lib/tool-catalog/get-tool-status";
import { getUpstreamReviewState, type UpstreamReviewState } from "@/lib/tool-catalog/get-upstream-review-state";

export interface CatalogItem {
  name: string;
  version: string;
  title: string;
  /** As clients see it, with the deprecation prefix. */
  description: string;
  kind: string;
  public: boolean;
  enabled: boolean;
  status: ToolStatus;
  deprecatedAt: Date | null;
  deprecationMessage: string | null;
  replacement: string | null;
  sunsetAt: Date | null;
  grantCount: number;
  updatedAt: Date;
  /** The upstream server of a NAME__TOOL tool (the Tools page filters by it); null for the hub's own. */
  server: string | null;
  /** An upstream tool's review state: served, held for review, or missing upstream; null for the hub's own. */
  review: UpstreamReviewState | null;
}

/** Every tool in the catalogue for the console, including disabled and sunset ones, by name. */
export async function listCatalog(now: Date = new Date()): Promise<CatalogItem[]> {
  const rows = await getPrisma().tool.findMany({ include: { _count: { select: { grants: true } }, upstream: { select: { pendingFingerprint: true, approvedFingerprint: true, missingSince: true, server: { select: { name: true } } } } }, orderBy: { name: "asc" } });
  return rows.map((row) => ({
    name: row.name,
    version: row.version,
    title: row.title,
    description: formatToolDescription(row.description, row),
    kind: row.kind,
    public: row.public,
    enabled: row.enabled,
    status: getToolStatus(row, now),
    deprecatedAt: row.deprecatedAt,
    deprecationMessage: row.deprecationMessage,
    replacement: row.replacement,
    sunsetAt: row.sunsetAt,
    grantCount: row._count.grants,
    updatedAt: row.updatedAt,
    server: row.upstream?.server.name ?? null,
    review: row.upstream ? getUpstreamReviewState(row.upstream) : null,
  }));
}
