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
 * Keyset paging on a bigint id, newest first: no OFFSET, so page 1 000 costs what page 1 does.
 * `fetch` must return rows with id < idBelow (when given), ordered by id desc, at most `take`.
 * Limits are clamped to 1..200 (default 50); an unparseable cursor starts from the top.
 */
export async function pageById<T extends { id: bigint }>(
  fetch: (args: { idBelow: bigint | undefined; take: number }) => Promise<T[]>,
  cursor: string | null | undefined,
  requestedLimit: number | undefined,
): Promise<IdPage<T>> {
  const limit = Math.min(Math.max(Math.trunc(requestedLimit ?? 50), 1), 200);
  const idBelow = cursor && /^\d+$/.test(cursor) ? BigInt(cursor) : undefined;
  const rows = await fetch({ idBelow, take: limit + 1 });
  const page = rows.slice(0, limit);
  return {
    entries: page.map((row) => ({ ...row, id: row.id.toString() })),
    nextCursor: rows.length > limit ? page[page.length - 1].id.toString() : null,
  };
}
