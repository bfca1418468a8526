import type { ReactNode } from "react";

/** What a page shows when there is nothing yet: what this is, and the one next step. */
export function EmptyState({ icon, title, children, action }: { icon: ReactNode; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-zinc-300 px-6 py-14 text-center dark:border-zinc-700">
      <div className="rounded-full bg-indigo-50 p-3 text-indigo-600 dark:bg-indigo-950 dark:text-indigo-300" aria-hidden="true">
        {icon}
      </div>
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="max-w-md text-sm text-zinc-600 dark:text-zinc-400">{children}</div>
      {action ? <div className="mt-2">{action}</div> : null}
    </section>
  );
}
