import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";

export const searchNotesInputSchema = z.object({
  query: z.string().trim().min(1).max(200).describe('Words to find, web-search syntax: "exact phrase", -exclude, or'),
  tag: z.string().max(40).optional().describe("Only notes carrying this tag"),
  limit: z.number().int().min(1).max(50).default(10).describe("Most notes to return (max 50)"),
});
export type SearchNotesInput = z.input<typeof searchNotesInputSchema>;

export interface NoteHit {
  id: string;
  title: string;
  tags: string[];
  updatedAt: Date;
  rank: number;
  /** Matching words highlighted as **word**. */
  snippet: string;
}

/**
 * Full-text search over notes (websearch_to_tsquery on English stems), best match first. The
 * to_tsvector expression is the one the GIN index was built on, so the index serves the query.
 */
export async function searchNotes(rawInput: SearchNotesInput): Promise<NoteHit[]> {
  const input = searchNotesInputSchema.parse(rawInput);
  const tag = input.tag?.toLowerCase() ?? null;
  const rows = await getPrisma().$queryRaw<NoteHit[]>`
    SELECT n.id, n.title, n.tags, n."updatedAt",
           ts_rank(to_tsvector('english', n.title || ' ' || n.body), q)::float8 AS rank,
           ts_headline('english', n.body, q, 'StartSel=**, StopSel=**, MaxWords=30, MinWords=10, MaxFragments=2') AS snippet
    FROM "Note" n, websearch_to_tsquery('english', ${input.query}) q
    WHERE to_tsvector('english', n.title || ' ' || n.body) @@ q
      AND (${tag}::text IS NULL OR ${tag}::text = ANY(n.tags))
    ORDER BY rank DESC, n."updatedAt" DESC
    LIMIT ${input.limit}`;
  return rows;
}
