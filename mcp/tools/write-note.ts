import { writeNote, writeNoteInputSchema } from "@/lib/notes/write-note";
import { defineTool } from "@/mcp/tools/tool-definition";

export const writeNoteTool = defineTool({
  name: "write_note",
  version: "1.0.0",
  title: "Write note",
  description: "Saves a note in the team knowledge base (title, Markdown body, tags). Pass the id of an existing note you wrote to replace it.",
  inputSchema: writeNoteInputSchema,
  run: async (input, context) => {
    const note = await writeNote(context.principal, input);
    return { text: `Saved note ${note.id}: ${note.title}`, structured: { id: note.id, updatedAt: note.updatedAt.toISOString() } };
  },
});
