/**
 * Text as a literal inside a LIKE pattern (Postgres' default escape character, backslash). Prisma's
 * `startsWith` and `contains` build LIKE patterns without escaping, so an `_` in the text (every
 * NAME__ prefix has two) would match any character. Pure.
 */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
