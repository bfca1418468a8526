import type { Principal } from "@/lib/api-keys/principal";
import type { HubEvent } from "@/lib/events/hub-events";

/** The lists a live session or subscriptions/listen stream is told about. */
export type ListKind = "tools" | "prompts" | "resources";

/** Whether a principal may see an upstream server's resources and prompts (mcp/pipeline/list-visible-servers.ts). */
export type ServerVisibility = (principal: Principal, server: string) => Promise<boolean>;

/** What a hub event changes: which lists, and for whom (everyone, or those who may see `server`). */
export interface ListChanges {
  lists: readonly ListKind[];
  /** Set: only principals who may see this upstream server's resources and prompts are told. */
  server?: string;
}

// Catalogue changes (deprecate, enable, approve...) change the tools; a permission change or an
// upstream added, edited or removed can change all three (a server's resources and prompts
// follow its tools' visibility); an upstream's own announcement changes one list of that server.
const LISTS_CHANGED_BY: Partial<Record<HubEvent["type"], readonly ListKind[]>> = {
  catalog_changed: ["tools"],
  permissions_changed: ["tools", "resources", "prompts"],
  upstreams_changed: ["tools", "resources", "prompts"],
};

/** The list changes a hub event means for live sessions and listen streams (none for, e.g., a revoked key). */
export function listChangesOf(event: HubEvent): ListChanges {
  if (event.type === "upstream_list_changed") return { lists: [event.list], server: event.server };
  return { lists: LISTS_CHANGED_BY[event.type] ?? [] };
}
