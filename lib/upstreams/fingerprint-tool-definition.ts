import { createHash } from "node:crypto";
import { sortJsonKeys } from "@/lib/tool-catalog/sort-json-keys";
import type { UpstreamToolDefinition } from "@/lib/upstreams/to-upstream-tool-definition";

/** sha256 hex of the canonical definition: equal definitions always fingerprint equal. */
export function fingerprintToolDefinition(definition: UpstreamToolDefinition): string {
  return createHash("sha256").update(JSON.stringify(sortJsonKeys(definition))).digest("hex");
}
