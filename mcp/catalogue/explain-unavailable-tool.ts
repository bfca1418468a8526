import { loadCatalogueSnapshot } from "@/mcp/catalogue/load-catalogue-snapshot";

/** Why a known tool cannot be called now (held for review, missing upstream), or undefined. */
export async function explainUnavailableTool(name: string): Promise<string | undefined> {
  return (await loadCatalogueSnapshot()).unavailable.get(name);
}
