import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";
import { TextField } from "@/app/_components/text-field";
import { CALL_KINDS, CALL_STATUSES } from "@/lib/console/usage/call-log-filter-params";
import { KIND_LABELS, STATUS_LABELS } from "@/lib/console/usage/call-status-labels";
import type { UsageKeyOption } from "@/lib/console/usage/list-usage-key-options";
import { FilterSelect } from "../filter-select";
import { LocalDateTimeField } from "./local-date-time-field";

interface CallLogFilters {
  kind: string | null;
  tool: string | null;
  server: string | null;
  user: string | null;
  key: string | null;
  status: string | null;
  from: string | null;
  to: string | null;
}

/** The call log's GET filter form: kind, tool, server, user (admins), key, status, time window. */
export function CallLogFilterForm({
  filters,
  filtered,
  toolNames,
  serverNames,
  users,
  keyOptions,
  showOwners,
}: {
  filters: CallLogFilters;
  filtered: boolean;
  toolNames: readonly string[];
  /** The upstream servers to offer (those of the viewer's tools); none: no server filter. */
  serverNames: readonly string[];
  /** Null when the viewer may not pick a user. */
  users: readonly { id: string; email: string }[] | null;
  keyOptions: readonly UsageKeyOption[];
  showOwners: boolean;
}) {
  return (
  <form method="get" action="/usage/calls" aria-label="Filter calls" className="mb-6 grid gap-4 rounded-xl border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-zinc-800 dark:bg-zinc-900">
    <TextField label="Tool" name="tool" defaultValue={filters.tool ?? ""} list="tool-names" placeholder="Any tool" autoComplete="off" />
    <datalist id="tool-names">
      {toolNames.map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
    {serverNames.length > 0 ? <FilterSelect label="Server" name="server" value={filters.server} emptyLabel="Any server" options={serverNames.map((name) => ({ value: name, label: name }))} /> : null}
    {users ? <FilterSelect label="User" name="user" value={filters.user} emptyLabel="Everyone" options={users.map((user) => ({ value: user.id, label: user.email }))} /> : null}
    <FilterSelect
      label="Key"
      name="key"
      value={filters.key}
      emptyLabel="Any key"
      options={keyOptions.map((key) => ({ value: key.id, label: `${key.name} (${key.prefix}…)${showOwners ? ` · ${key.ownerEmail}` : ""}${key.revoked ? " · revoked" : ""}` }))}
    />
    <FilterSelect label="Kind" name="kind" value={filters.kind} emptyLabel="Any kind" options={CALL_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))} />
    <FilterSelect label="Status" name="status" value={filters.status} emptyLabel="Any status" options={CALL_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))} />
    <LocalDateTimeField label="From" name="from" iso={filters.from} />
    <LocalDateTimeField label="To" name="to" iso={filters.to} />
    <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-2">
      <button type="submit" className={buttonClasses("primary")}>
        Apply filters
      </button>
      {filtered ? (
        <Link href="/usage/calls" className={buttonClasses("ghost")}>
          Clear
        </Link>
      ) : null}
    </div>
  </form>
  );
}
