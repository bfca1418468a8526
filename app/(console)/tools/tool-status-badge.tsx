import { StatusBadge, type BadgeTone } from "@/app/(console)/admin/_components/status-badge";
import type { ToolListStatus } from "@/lib/console/tools/get-tool-list-status";

// Held awaits an admin's review (the Servers page); missing is gone upstream until it returns.
const STATUS_TONES = { active: "green", deprecated: "amber", held: "indigo", sunset: "red", missing: "red", disabled: "grey" } as const satisfies Record<ToolListStatus, BadgeTone>;

/** A tool's state as a coloured label: its lifecycle status, or held / missing for an upstream tool in review. */
export function ToolStatusBadge({ status }: { status: ToolListStatus }) {
  return <StatusBadge tone={STATUS_TONES[status]}>{status}</StatusBadge>;
}
