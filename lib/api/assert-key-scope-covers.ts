import type { ApiCaller } from "@/lib/api/api-caller";
import { HubError } from "@/lib/errors/hub-error";

/**
 * A key narrowed to some tools must not mint a key that reaches further (else a leaked narrow
 * key could be traded for a broad one): through such a key, the new key's tools must be a
 * non-empty subset of the caller key's. Sessions and unrestricted keys pass. Throws HubError
 * forbidden.
 */
export function assertKeyScopeCovers(caller: Pick<ApiCaller, "via" | "principal">, requestedTools: readonly string[]): void {
  const scope = caller.principal.allowedTools;
  if (caller.via !== "key" || scope.length === 0) return;
  const outside = requestedTools.length === 0 ? ["(all tools)"] : requestedTools.filter((tool) => !scope.includes(tool));
  if (outside.length > 0) {
    throw new HubError("forbidden", `This API key is limited to ${scope.join(", ")}; it cannot mint a key for ${outside.join(", ")}.`);
  }
}
