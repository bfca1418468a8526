/** A form-level error, announced to screen readers as soon as it appears. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  return (
    <div role="alert" aria-live="assertive" className="empty:hidden">
      {message ? (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
          {message}
        </p>
      ) : null}
    </div>
  );
}
