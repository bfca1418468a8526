import { CircleCheck } from "lucide-react";
import { FormAlert } from "@/app/_components/form-alert";
import type { AdminActionResult } from "@/lib/console/admin/admin-action-result";

/** The answer of an admin action: a polite success line, or an assertive error (FormAlert). */
export function ActionMessage({ result }: { result: AdminActionResult | null }) {
  if (result && !result.ok) return <FormAlert message={result.message} />;
  return (
    <div role="status" aria-live="polite" className="empty:hidden">
      {result?.ok ? (
        <p className="flex items-start gap-2 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200">
          <CircleCheck className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          {result.message}
        </p>
      ) : null}
    </div>
  );
}
