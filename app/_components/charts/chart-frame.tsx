import type { ReactNode } from "react";

export interface ChartTable {
  /** Header of the first column (what each row is: a time, a tool, a client). */
  rowHeader: string;
  columns: readonly string[];
  rows: readonly { label: string; cells: readonly string[] }[];
}

/**
 * A chart's card: title and description, the drawing (exposed to assistive technology as one
 * image described by `summary`), and the same numbers as a table under a disclosure, for screen
 * readers and keyboard users who would rather read than hover.
 */
export function ChartFrame({ id, title, description, summary, table, children, className = "" }: { id: string; title: string; description?: ReactNode; summary: string; table: ChartTable; children: ReactNode; className?: string }) {
  return (
    <figure aria-labelledby={`${id}-title`} className={`flex min-w-0 flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900 ${className}`}>
      <div>
        <h2 id={`${id}-title`} className="text-sm font-semibold">
          {title}
        </h2>
        {description ? <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{description}</p> : null}
      </div>
      {/* The drawing's own parts (legend icons, axes) stay out of the accessibility tree: the summary and the table say it all. */}
      <div role="img" aria-label={summary} className="text-zinc-400 dark:text-zinc-500">
        <div aria-hidden="true">{children}</div>
      </div>
      <figcaption className="sr-only">{summary}</figcaption>
      <details className="text-xs">
        <summary className="w-fit cursor-pointer rounded text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-400 dark:hover:text-zinc-100">
          Show data as a table
        </summary>
        <div className="mt-2 max-h-72 overflow-auto">
          <table className="w-full text-left tabular-nums">
            <caption className="sr-only">{title}</caption>
            <thead className="text-zinc-500 dark:text-zinc-400">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">{table.rowHeader}</th>
                {table.columns.map((column) => (
                  <th key={column} scope="col" className="py-1 pr-3 text-right font-medium">{column}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {table.rows.map((row, index) => (
                <tr key={`${row.label}-${index}`}>
                  <th scope="row" className="py-1 pr-3 font-normal whitespace-nowrap">{row.label}</th>
                  {row.cells.map((cell, cellIndex) => (
                    <td key={table.columns[cellIndex]} className="py-1 pr-3 text-right whitespace-nowrap">{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
