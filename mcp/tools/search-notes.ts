import { searchNotes, searchNotesInputSchema } from "@/lib/notes/search-notes";
import { defineTool } from "@/mcp/tools/tool-definition";

export const searchNotesTool = defineTool({
  name: "search_notes",
  version: "1.0.0",
  title: "Search notes",
  description: 'Full-text search of the team knowledge base, best match first. Supports "quoted phrases", -excluded words and or.',
  inputSchema: searchNotesInputSchema,
  run: async (input) => {
    const hits = await searchNotes(input);
    const text = hits.map((hit) => `${hit.id}  ${hit.title}${hit.tags.length > 0 ? ` [${hit.tags.join(", ")}]` : ""}\n  ${hit.snippet.replace(/\s+/g, " ")}`).join("\n");
    return {
      text: text || "No notes match.",
      structured: { hits: hits.map((hit) => ({ ...hit, updatedAt: hit.updatedAt.toISOString() })) },
    };
  },
});
