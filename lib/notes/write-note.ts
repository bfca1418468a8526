import { z } from "zod";
import type { Principal } from "@/lib/api-keys/principal";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";

/** Size caps that keep one note readable by a model in one call. */
export const NOTE_LIMITS = { titleChars: 200, bodyChars: 100_000, tags: 20, tagChars: 40 } as const;

export const writeNoteInputSchema = z.object({
  id: z.uuid().optional().describe("Id of an existing note to replace; omit to create a new note"),
  title: z.string().trim().min(1).max(NOTE_LIMITS.titleChars).describe(`Note title (max ${NOTE_LIMITS.titleChars} characters)`),
  body: z.string().min(1).max(NOTE_LIMITS.bodyChars).describe(`Note text, Markdown welcome (max ${NOTE_LIMITS.bodyChars} characters)`),
  tags: z
    .array(z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]*$/, "tags use lowercase letters, digits, . _ -").max(NOTE_LIMITS.tagChars))
    .max(NOTE_LIMITS.tags)
    .default([])
    .describe(`Tags such as "runbook" or "api" (max ${NOTE_LIMITS.tags})`),
});
export type WriteNoteInput = z.input<typeof writeNoteInputSchema>;

export interface NoteView {
  id: string;
  title: string;
  body: string;
  tags: string[];
  authorId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Creates a note, or replaces the note `id` when given. Only its author or an admin may replace a
 * note (HubError forbidden); an unknown id is HubError not_found (clients never choose ids).
 */
export async function writeNote(principal: Pick<Principal, "userId" | "role">, rawInput: WriteNoteInput): Promise<NoteView> {
  const input = writeNoteInputSchema.parse(rawInput);
  const tags = [...new Set(input.tags)];
  const prisma = getPrisma();
  if (!input.id) {
    return prisma.note.create({ data: { title: input.title, body: input.body, tags, authorId: principal.userId } });
  }
  const existing = await prisma.note.findUnique({ where: { id: input.id }, select: { authorId: true } });
  if (!existing) throw new HubError("not_found", `Note ${input.id} does not exist; omit id to create a new note.`);
  if (existing.authorId !== principal.userId && principal.role !== "admin") {
    throw new HubError("forbidden", `Note ${input.id} belongs to another user; only its author or an admin may change it.`);
  }
  return prisma.note.update({ where: { id: input.id }, data: { title: input.title, body: input.body, tags } });
}
