import type { FormEventHandler, ReactNode } from "react";
import { Button } from "@/app/_components/button";
import type { AdminActionResult } from "@/lib/console/admin/admin-action-result";
import { ActionMessage } from "./action-message";

/**
 * An admin form in its own card: a heading that names the form, the fields, the action's answer,
 * anything shown with the answer (`afterAnswer`, e.g. a link just made) and the submit button,
 * which says `pendingLabel` while the action runs.
 */
export function AdminFormCard({
  titleId,
  title,
  onSubmit,
  result,
  pending,
  submitLabel,
  pendingLabel,
  afterAnswer,
  children,
}: {
  titleId: string;
  title: ReactNode;
  onSubmit: FormEventHandler<HTMLFormElement>;
  result: AdminActionResult | null;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  afterAnswer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form method="post" onSubmit={onSubmit} aria-labelledby={titleId} className="flex flex-col gap-4 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
      <ActionMessage result={result} />
      {afterAnswer}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}
