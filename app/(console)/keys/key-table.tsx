import { LocalTime } from "@/app/_components/charts/local-time";
import { DataTable } from "@/app/_components/data-table";
import type { ApiKeySummary } from "@/lib/api-keys/api-key-summary";
import { describeKeyStatus, type KeyStatus } from "@/lib/console/describe-key-status";
import { RevokeKeyButton } from "./revoke-key-button";

const STATUS_BADGES = {
  active: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  expired: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  revoked: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
} as const satisfies Record<KeyStatus, string>;

const KEY_COLUMNS = [
  { header: "Name" },
  { header: "Key" },
  { header: "Tools" },
  { header: "Minted by" },
  { header: "Created" },
  { header: "Last used" },
  { header: "Expires" },
  { header: "Status" },
  { header: <span className="sr-only">Actions</span> },
] as const;

function When({ at, never }: { at: Date | null; never: string }) {
  if (!at) return <span className="text-zinc-500 dark:text-zinc-400">{never}</span>;
  return <LocalTime iso={at.toISOString()} style="dayTime" />;
}

/** Who minted a key: the key it was minted with (revoking that one revokes this one too), or the console/CLI. */
function MintedBy({ parentKeyId, prefixById }: { parentKeyId: string | null; prefixById: ReadonlyMap<string, string> }) {
  if (!parentKeyId) return <span className="text-zinc-500 dark:text-zinc-400">Console or CLI</span>;
  return <span className="font-mono whitespace-nowrap">{prefixById.get(parentKeyId) ?? "another key"}…</span>;
}

/**
 * The user's keys: visible prefix, tools, lineage, dates, status, and revoke for live ones. Also
 * lists the OAuth clients the user authorized (each grant is a key without a secret), under its
 * own caption.
 */
export function KeyTable({ keys, now, caption = "Your API keys" }: { keys: ApiKeySummary[]; now: Date; caption?: string }) {
  // A parent is always one of the same user's keys, so the list itself names it.
  const prefixById = new Map(keys.map((key) => [key.id, key.prefix]));
  return (
    <DataTable caption={caption} columns={KEY_COLUMNS}>
      {keys.map((key) => {
        const status = describeKeyStatus(key, now);
        return (
          <tr key={key.id}>
            <th scope="row" className="min-w-40 px-4 py-3 font-medium">{key.name}</th>
            <td className="px-4 py-3 font-mono text-xs whitespace-nowrap">{key.prefix}…</td>
            <td className="px-4 py-3 text-xs">{key.allowedTools.length === 0 ? "All permitted" : key.allowedTools.join(", ")}</td>
            <td className="px-4 py-3 text-xs"><MintedBy parentKeyId={key.parentKeyId} prefixById={prefixById} /></td>
            <td className="px-4 py-3 whitespace-nowrap"><When at={key.createdAt} never="" /></td>
            <td className="px-4 py-3 whitespace-nowrap"><When at={key.lastUsedAt} never="Never" /></td>
            <td className="px-4 py-3 whitespace-nowrap"><When at={key.expiresAt} never="Never" /></td>
            <td className="px-4 py-3">
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium capitalize ${STATUS_BADGES[status]}`}>{status}</span>
            </td>
            <td className="px-4 py-3 sm:text-right">{status === "revoked" ? null : <RevokeKeyButton keyId={key.id} name={key.name} prefix={key.prefix} />}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
