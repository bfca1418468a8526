import { readNote, readNoteInputSchema } from "@/lib/notes/read-note";
import { defineTool } from "@/mcp/tools/tool-definition";

export const readNoteTool = defineTool({
  name: "read_note",
  version: "1.0.0",
  title: "Read note",
  description: "Returns one note of the team knowledge base by id (ids come from search_notes or write_note).",
  inputSchema: readNoteInputSchema,
  run: async ({ id }) => {
    const note = await readNote(id);
    const tags = note.tags.length > 0 ? `\nTags: ${note.tags.join(", ")}` : "";
    return {
      text: `# ${note.title}${tags}\nUpdated: ${note.updatedAt.toISOString()}\n\n${note.body}`,
      structured: { id: note.id, title: note.title, body: note.body, tags: note.tags, updatedAt: note.updatedAt.toISOString() },
    };
  },
});
