/** A polite, non-blocking notice (an ignored URL param, a narrowed scope). */
export function PageNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
      {message}
    </p>
  );
}
