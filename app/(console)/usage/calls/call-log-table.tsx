import { LocalTime } from "@/app/_components/charts/local-time";
import { DataTable } from "@/app/_components/data-table";
import { KIND_LABELS, STATUS_LABELS } from "@/lib/console/usage/call-status-labels";
import { formatUsageValue } from "@/lib/console/usage/format-usage-value";
import type { CallStatus } from "@/lib/generated/prisma/enums";
import type { CallLogEntry } from "@/lib/usage/list-call-logs";

const STATUS_BADGES = {
  ok: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  error: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  denied: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  rate_limited: "bg-orange-100 text-orange-800 dark:bg-orange-950 dark:text-orange-300",
  invalid: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
} as const satisfies Record<CallStatus, string>;

/** One page of the call log: time, tool (a resource read or prompt marked so), its upstream server ("—" for the hub's own tools), status, duration, user (admins, everyone), key by name and prefix, client, transport, error code. */
export function CallLogTable({ entries, showUser, emails, keyNames }: { entries: readonly CallLogEntry[]; showUser: boolean; emails: ReadonlyMap<string, string>; keyNames: ReadonlyMap<string, string> }) {
  return (
    <DataTable
      caption="Calls, newest first"
      columns={[
        { header: "Time" },
        { header: "Tool, resource or prompt" },
        { header: "Server" },
        { header: "Status" },
        { header: "Duration", align: "right" },
        showUser ? { header: "User" } : null,
        { header: "Key" },
        { header: "Client" },
        { header: "Transport" },
        { header: "Error code" },
      ]}
    >
      {entries.map((call) => (
        <tr key={call.id}>
          <td className="px-4 py-2.5 whitespace-nowrap tabular-nums"><LocalTime iso={call.at.toISOString()} /></td>
          <th scope="row" className="px-4 py-2.5 font-mono text-xs font-normal">
            {call.kind === "tool" ? null : <span className="mr-2 rounded bg-sky-100 px-1.5 py-0.5 font-sans text-[11px] text-sky-800 dark:bg-sky-950 dark:text-sky-300">{KIND_LABELS[call.kind]}</span>}
            <span className="break-all">{call.toolName}</span>
          </th>
          <td className="px-4 py-2.5 font-mono text-xs">{call.server ?? "—"}</td>
          <td className="px-4 py-2.5">
            <span className={`rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${STATUS_BADGES[call.status]}`}>{STATUS_LABELS[call.status]}</span>
          </td>
          <td className="px-4 py-2.5 text-right whitespace-nowrap tabular-nums">{formatUsageValue(call.durationMs, "ms")}</td>
          {showUser ? <td className="px-4 py-2.5 text-xs">{call.userId ? (emails.get(call.userId) ?? "(deleted user)") : "—"}</td> : null}
          <td className="px-4 py-2.5 text-xs">
            {call.apiKeyId && keyNames.has(call.apiKeyId) ? <span className="block">{keyNames.get(call.apiKeyId)}</span> : null}
            <code className="font-mono whitespace-nowrap text-zinc-500 dark:text-zinc-400">{call.keyPrefix ? `${call.keyPrefix}…` : "—"}</code>
          </td>
          <td className="px-4 py-2.5 text-xs">{call.clientName ? `${call.clientName}${call.clientVersion ? ` ${call.clientVersion}` : ""}` : "—"}</td>
          <td className="px-4 py-2.5 text-xs">{call.transport === "sse" ? "SSE" : "Streamable HTTP"}</td>
          <td className="px-4 py-2.5 font-mono text-xs">{call.errorCode ?? ""}</td>
        </tr>
      ))}
    </DataTable>
  );
}
