import type { UpdateToolBody } from "@/lib/api/schemas/update-tool-schema";
import type { Actor } from "@/lib/audit/record-audit-event";
import { HubError } from "@/lib/errors/hub-error";
import { deprecateTool } from "@/lib/tool-catalog/deprecate-tool";
import { listCatalog, type CatalogItem } from "@/lib/tool-catalog/list-catalog";
import { setToolEnabled } from "@/lib/tool-catalog/set-tool-enabled";
import { undeprecateTool } from "@/lib/tool-catalog/undeprecate-tool";

/**
 * Applies PATCH /api/v1/tools/{name} through the catalogue services (each audits and publishes
 * catalog_changed): the deprecation first, because it is the change that can be refused (unknown
 * replacement), so a refused request changes nothing; then enabled. Returns the tool as the
 * catalogue now shows it. Throws HubError not_found / validation_failed.
 */
export async function updateToolSettings(input: { name: string; body: UpdateToolBody; actor: Actor }): Promise<CatalogItem> {
  const { name, body, actor } = input;
  if (body.deprecation === null) await undeprecateTool({ name, actor });
  else if (body.deprecation !== undefined) await deprecateTool({ ...body.deprecation, name, actor });
  if (body.enabled !== undefined) await setToolEnabled({ name, enabled: body.enabled, actor });
  const tool = (await listCatalog()).find((item) => item.name === name);
  if (!tool) throw new HubError("not_found", `Tool ${name} does not exist.`);
  return tool;
}
