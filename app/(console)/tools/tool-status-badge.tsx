import { StatusBadge, type BadgeTone } from "@/app/(console)/admin/_components/status-badge";
import type { ToolStatus } from "@/lib/tool-catalog/get-tool-status";

const STATUS_TONES = { active: "green", deprecated: "amber", sunset: "red", disabled: "grey" } as const satisfies Record<ToolStatus, BadgeTone>;

/** A tool's lifecycle state as a coloured label. */
export function ToolStatusBadge({ status }: { status: ToolStatus }) {
  return <StatusBadge tone={STATUS_TONES[status]}>{status}</StatusBadge>;
}
