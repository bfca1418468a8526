import type { ReactNode } from "react";

/** One column header; `align: "right"` for numbers. */
export interface DataTableColumn {
  header: ReactNode;
  align?: "right";
}

// "card": a page's main table in its own bordered card; "inset": a smaller table inside a card.
const FRAMES = {
  card: { box: "relative overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900", cell: "px-4 py-3" },
  inset: { box: "relative mt-2 overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800", cell: "px-3 py-2" },
} as const;

/**
 * The console's table: a horizontally scrolling bordered box (relative, so the sr-only caption is
 * positioned inside it and cannot widen the page on phones), a visually hidden caption (the
 * table's accessible name), a header row of `columns` (null entries are left out, for columns
 * shown only to some viewers) and `children` as the body rows. Body cells are the caller's.
 * `className` and `bodyClassName` add classes to the scroll box and to the tbody.
 */
export function DataTable({
  caption,
  columns,
  children,
  frame = "card",
  className = "",
  bodyClassName = "",
}: {
  caption: ReactNode;
  columns: readonly (DataTableColumn | null)[];
  children: ReactNode;
  frame?: keyof typeof FRAMES;
  className?: string;
  bodyClassName?: string;
}) {
  const { box, cell } = FRAMES[frame];
  return (
    <div className={`${box} ${className}`.trim()}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            {columns.map((column, index) =>
              column ? (
                <th key={index} scope="col" className={`${cell} ${column.align === "right" ? "text-right " : ""}font-medium`}>
                  {column.header}
                </th>
              ) : null,
            )}
          </tr>
        </thead>
        <tbody className={`divide-y divide-zinc-200 dark:divide-zinc-800 ${bodyClassName}`.trim()}>{children}</tbody>
      </table>
    </div>
  );
}
