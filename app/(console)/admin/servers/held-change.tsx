import { ActionButton } from "@/app/(console)/admin/_components/action-button";
import { StatusBadge } from "@/app/(console)/admin/_components/status-badge";
import type { UpstreamToolState } from "@/lib/upstreams/get-upstream-server";
import { approveServerAction } from "./actions";
import { HeldDefinitionDiff } from "./held-definition-diff";

/**
 * One held tool definition: what changed (old vs new, field by field), the hub's classification,
 * Approve. Approve posts the fingerprint of the version shown, so a redefinition after the page
 * was loaded is refused ("changed again"), not approved unseen.
 */
export function HeldChange({ server, tool }: { server: string; tool: UpstreamToolState }) {
  const change = tool.change;
  if (!change) return null;
  return (
    <li className="rounded-lg border border-amber-300 p-3 dark:border-amber-800">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="font-mono text-sm font-semibold">{tool.name}</h4>
        <StatusBadge tone={change.classification === "breaking" ? "red" : change.classification === "new" ? "indigo" : "amber"}>{change.classification}</StatusBadge>
      </div>
      <ul className="mt-2 list-disc pl-5 text-sm text-zinc-700 dark:text-zinc-300">
        {change.changes.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <HeldDefinitionDiff change={change} />
      <div className="mt-3">
        <ActionButton label="Approve" ariaLabel={`Approve ${tool.name}`} action={approveServerAction} fields={{ server, tool: tool.upstreamName, fingerprint: change.fingerprint }} />
      </div>
    </li>
  );
}
