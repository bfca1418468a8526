/** Time window and keyset paging shared by the log browsers. */
export interface IdPageRequest {
  from?: Date;
  to?: Date;
  /** The `nextCursor` of the previous page. */
  cursor?: string | null;
  /** Rows per page, 1..200 (default 50). */
  limit?: number;
}

/** One page of rows, newest first, and the cursor for the next (null on the last page). */
export interface IdPage<T> {
  entries: (Omit<T, "id"> & { id: string })[];
  nextCursor: string | null;
}

/**
 * The part of a Prisma findMany that pages: spread it into the query and merge `where` with the
 * caller's own filters. `at` is the time window [from, to), `id` the keyset bound.
 */
export interface IdPageQuery {
  where: { at: { gte: Date | undefined; lt: Date | undefined } | undefined; id: { lt: bigint } | undefined };
  orderBy: { id: "desc" };
  take: number;
}

/**
 * Keyset paging on a bigint id, newest first, within the request's time window on `at`: no OFFSET,
 * so page 1 000 costs what page 1 does. `fetch` must run a findMany with the given query (its own
 * filters added to `where`). Limits are clamped to 1..200 (default 50); an unparseable cursor
 * starts from the top.
 */
export async function pageById<T extends { id: bigint }>(fetch: (query: IdPageQuery) => Promise<T[]>, request: IdPageRequest): Promise<IdPage<T>> {
  const limit = Math.min(Math.max(Math.trunc(request.limit ?? 50), 1), 200);
  const idBelow = request.cursor && /^\d+$/.test(request.cursor) ? BigInt(request.cursor) : undefined;
  const rows = await fetch({
    where: {
      at: request.from || request.to ? { gte: request.from, lt: request.to } : undefined,
      id: idBelow === undefined ? undefined : { lt: idBelow },
    },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    entries: page.map((row) => ({ ...row, id: row.id.toString() })),
    nextCursor: rows.length > limit ? page[page.length - 1].id.toString() : null,
  };
}
