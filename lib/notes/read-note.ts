import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import type { NoteView } from "@/lib/notes/write-note";

export const readNoteInputSchema = z.object({
  id: z.uuid().describe("Note id, as returned by write_note or search_notes"),
});

/** Returns one note; HubError not_found when it does not exist. */
export async function readNote(id: string): Promise<NoteView> {
  const note = await getPrisma().note.findUnique({ where: { id } });
  if (!note) throw new HubError("not_found", `Note ${id} does not exist.`);
  return note;
}
