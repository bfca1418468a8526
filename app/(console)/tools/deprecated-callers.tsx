import { LocalTime } from "@/app/_components/charts/local-time";
import { DataTable } from "@/app/_components/data-table";
import { DEPRECATED_CALLERS_WINDOW_DAYS, type DeprecatedToolCaller } from "@/lib/console/tools/list-deprecated-tool-callers";

/** Who still calls a deprecated tool (keys and their owners, last call), so admins know whom to tell. */
export function DeprecatedCallers({ tool, deprecatedAt, pastSunset, callers }: { tool: string; deprecatedAt: Date; pastSunset: boolean; callers: DeprecatedToolCaller[] }) {
  return (
    <>
      <h2 className="text-sm font-medium">Who still calls it</h2>
      {callers.length === 0 ? (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {pastSunset
            ? `No calls in the last ${DEPRECATED_CALLERS_WINDOW_DAYS} days. It is past its sunset, so no client can list or call it any more.`
            : `No calls in the last ${DEPRECATED_CALLERS_WINDOW_DAYS} days: nobody needs telling before the sunset.`}
        </p>
      ) : (
        <DataTable
          frame="inset"
          caption={<>Keys that called {tool} in the last {DEPRECATED_CALLERS_WINDOW_DAYS} days</>}
          columns={[{ header: "User" }, { header: "Key" }, { header: <>Calls ({DEPRECATED_CALLERS_WINDOW_DAYS} d)</>, label: `Calls (${DEPRECATED_CALLERS_WINDOW_DAYS} d)` }, { header: "Last call" }]}
        >
          {callers.map((caller) => (
            <tr key={`${caller.keyId}:${caller.userId}`}>
              <th scope="row" className="px-3 py-2 font-medium">{caller.userEmail ?? <span className="text-zinc-500">deleted user</span>}</th>
              <td className="px-3 py-2">
                {caller.keyName ? <span>{caller.keyName} </span> : null}
                <code className="font-mono text-xs">{caller.keyPrefix ? `${caller.keyPrefix}…` : "—"}</code>
                {caller.keyRevoked ? <span className="ml-1 text-xs text-zinc-500">(revoked)</span> : null}
              </td>
              <td className="px-3 py-2 tabular-nums">{caller.calls}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <LocalTime iso={caller.lastCallAt.toISOString()} style="dayTime" />
                {caller.lastCallAt > deprecatedAt ? <span className="ml-1 text-xs text-amber-700 dark:text-amber-400">after deprecation</span> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
