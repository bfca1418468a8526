import type { ApiCaller } from "@/lib/api/api-caller";
import { callerMay } from "@/lib/api/caller-may";
import { listToolGrants } from "@/lib/permissions/list-tool-grants";
import { listPermittedTools } from "@/lib/permissions/list-permitted-tools";
import type { ToolGrantView } from "@/lib/permissions/tool-grant-view";
import { listCatalog, type CatalogItem } from "@/lib/tool-catalog/list-catalog";

/** A catalogue entry as an admin sees it: every tool, whatever its status, with its grants. */
export type AdminToolView = CatalogItem & { grants: ToolGrantView[] };

/** A tool as a member sees it: only what a caller of the tool needs. */
export type MemberToolView = Pick<CatalogItem, "name" | "version" | "title" | "description" | "status" | "deprecationMessage" | "replacement" | "sunsetAt">;

/** Statuses in which a tool can still be called (disabled and sunset tools cannot). */
const CALLABLE_STATUSES: ReadonlySet<CatalogItem["status"]> = new Set(["active", "deprecated"]);

/**
 * The tools for GET /api/v1/tools. Admins (callerMay manageHub, so not through a tool-limited
 * key): the full catalogue with status, review state and grants. Everyone else: the callable
 * tools the caller may use (through a key, also narrowed to the key's tools; upstream tools only
 * when approved), by name.
 */
export async function listCallerTools(caller: Pick<ApiCaller, "role" | "via" | "principal">): Promise<AdminToolView[] | MemberToolView[]> {
  if (callerMay(caller, "manageHub")) {
    const [catalog, grants] = await Promise.all([listCatalog(), listToolGrants()]);
    return catalog.map((tool) => ({ ...tool, grants: grants.filter((grant) => grant.toolName === tool.name) }));
  }
  const [catalog, permitted] = await Promise.all([listCatalog(), listPermittedTools(caller.principal)]);
  return catalog
    .filter((tool) => permitted.has(tool.name) && CALLABLE_STATUSES.has(tool.status) && (tool.review ?? "approved") === "approved")
    .map(({ name, version, title, description, status, deprecationMessage, replacement, sunsetAt }) => ({ name, version, title, description, status, deprecationMessage, replacement, sunsetAt }));
}
