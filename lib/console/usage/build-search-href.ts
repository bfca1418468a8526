/**
 * A same-page link with the given search params; null, undefined and "" values are left out so
 * URLs stay short and a cleared filter disappears. Pure.
 */
export function buildSearchHref(pathname: string, params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const query = search.toString();
  return query ? `${pathname}?${query}` : pathname;
}
