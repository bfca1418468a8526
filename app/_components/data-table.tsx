import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

/**
 * One column header; `align: "right"` for numbers. `label` names the column on phones, where
 * each row becomes a card and every cell carries its column's name (defaults to a string
 * `header`; a column without one, such as actions, shows its cells unlabelled).
 */
export interface DataTableColumn {
  header: ReactNode;
  label?: string;
  align?: "right";
}

// "card": a page's main table in its own bordered card; "inset": a smaller table inside a card.
const FRAMES = {
  card: { box: "relative overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900", cell: "px-4 py-3" },
  inset: { box: "relative mt-2 overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800", cell: "px-3 py-2" },
} as const;

type CellProps = { "data-label"?: string; children?: ReactNode };

/** Gives every cell of every body row its column's phone label (rows and cells are the caller's). */
function labelCells(rows: ReactNode, labels: (string | undefined)[]): ReactNode {
  return Children.map(rows, (row) => {
    if (!isValidElement<CellProps>(row) || row.type !== "tr") return row;
    let index = 0;
    const cells = Children.map(row.props.children, (cell) => {
      if (!isValidElement<CellProps>(cell)) return cell;
      const label = labels[index++];
      return label && cell.props["data-label"] === undefined ? cloneElement(cell as ReactElement<CellProps>, { "data-label": label }) : cell;
    });
    return cloneElement(row as ReactElement<CellProps>, {}, cells);
  });
}

/**
 * The console's table: a bordered box (relative, so the sr-only caption is positioned inside it
 * and cannot widen the page), a visually hidden caption (the table's accessible name), a header
 * row of `columns` (null entries are left out, for columns shown only to some viewers) and
 * `children` as the body rows (direct <tr> elements; their cells are the caller's). Below 640 px
 * (the `.data-table` rules in globals.css) each row is a card of labelled cells, so no column,
 * actions included, hides off-screen. `className` and `bodyClassName` add classes to the box and
 * to the tbody.
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
  const shown = columns.filter((column): column is DataTableColumn => column !== null);
  const labels = shown.map((column) => column.label ?? (typeof column.header === "string" ? column.header : undefined));
  return (
    <div className={`${box} ${className}`.trim()}>
      <table className="data-table w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            {shown.map((column, index) => (
              <th key={index} scope="col" className={`${cell} ${column.align === "right" ? "text-right " : ""}font-medium`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={`divide-y divide-zinc-200 dark:divide-zinc-800 ${bodyClassName}`.trim()}>{labelCells(children, labels)}</tbody>
      </table>
    </div>
  );
}
