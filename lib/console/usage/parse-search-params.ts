import type { z } from "zod";

/** What Next hands a page as `searchParams` (after awaiting it). */
export type RawSearchParams = Record<string, string | string[] | undefined>;

/**
 * Reads URL search params field by field against a zod shape. A repeated param counts as its
 * first value and an empty one as absent (a GET form submits every field, filled or not). A value
 * its field rejects is dropped and named in `ignored`, so a hand-edited URL still renders the page
 * (with a notice) instead of failing it. Pure.
 */
export function parseSearchParams<Shape extends Record<string, z.ZodType>>(
  shape: Shape,
  searchParams: RawSearchParams,
): { values: { [K in keyof Shape]: z.output<Shape[K]> | undefined }; ignored: (keyof Shape & string)[] } {
  const values: Partial<Record<keyof Shape, unknown>> = {};
  const ignored: (keyof Shape & string)[] = [];
  for (const field of Object.keys(shape) as (keyof Shape & string)[]) {
    const raw = searchParams[field];
    const text = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!text) continue;
    const parsed = shape[field].safeParse(text);
    if (parsed.success) values[field] = parsed.data;
    else ignored.push(field);
  }
  return { values: values as { [K in keyof Shape]: z.output<Shape[K]> | undefined }, ignored };
}
