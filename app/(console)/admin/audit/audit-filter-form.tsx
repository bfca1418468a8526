import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";
import { FormAlert } from "@/app/_components/form-alert";
import { LocalDateTimeField } from "@/app/(console)/usage/calls/local-date-time-field";
import type { AuditFilter } from "@/lib/console/admin/audit-filter-schema";

const TARGET_TYPES = ["user", "api_key", "tool", "role", "invite"] as const;
const KNOWN_ACTIONS = [
  "user.", "user.create", "user.set_role", "user.disable", "user.enable", "invite.create", "api_key.", "tool.", "tool.deprecate", "tool.undeprecate",
  "tool.enable", "tool.disable", "grant.", "grant.add", "grant.remove", "command_tool.", "rate_limit_policy.set",
] as const;
const inputClasses = "rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

/** The audit log's GET filter form; `invalid` says which given filters were ignored. */
export function AuditFilterForm({ filters, invalid, filtered }: { filters: Omit<AuditFilter, "cursor">; invalid: string | null; filtered: boolean }) {
  return (
    <form method="get" action="/admin/audit" aria-label="Filter the audit log" className="mb-6 grid gap-4 rounded-xl border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3 dark:border-zinc-800 dark:bg-zinc-900">
      {invalid === null ? null : (
        <div className="sm:col-span-2 lg:col-span-3">
          <FormAlert message={`Some filters were ignored: ${invalid}`} />
        </div>
      )}
      <div className="flex flex-col gap-1.5">
        <label htmlFor="audit-actor" className="text-sm font-medium">Actor</label>
        <input id="audit-actor" name="actor" defaultValue={filters.actor ?? ""} placeholder="alice@example.com, cli, system" className={inputClasses} />
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="audit-action" className="text-sm font-medium">Action</label>
        <input id="audit-action" name="action" list="audit-actions" defaultValue={filters.action ?? ""} placeholder="grant. or tool.deprecate" aria-describedby="audit-action-hint" className={inputClasses} />
        <p id="audit-action-hint" className="text-xs text-zinc-500 dark:text-zinc-400">Exact, or a prefix ending in “.”</p>
        <datalist id="audit-actions">
          {KNOWN_ACTIONS.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="audit-target-type" className="text-sm font-medium">Target type</label>
        <select id="audit-target-type" name="targetType" defaultValue={filters.targetType ?? ""} className={inputClasses}>
          <option value="">Any</option>
          {TARGET_TYPES.map((type) => (
            <option key={type} value={type}>{type}</option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="audit-target-id" className="text-sm font-medium">Target</label>
        <input id="audit-target-id" name="targetId" defaultValue={filters.targetId ?? ""} placeholder="tool name, user id, key id" className={inputClasses} />
      </div>
      <LocalDateTimeField label="From" name="from" iso={filters.from?.toISOString() ?? null} />
      <LocalDateTimeField label="To" name="to" iso={filters.to?.toISOString() ?? null} />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-3">
        <button type="submit" className={buttonClasses("primary")}>Apply filters</button>
        {filtered ? <Link href="/admin/audit" className={buttonClasses("ghost")}>Clear</Link> : null}
      </div>
    </form>
  );
}
