import { LocalTime } from "@/app/_components/charts/local-time";
import { ActionButton } from "@/app/(console)/admin/_components/action-button";
import { StatusBadge, type BadgeTone } from "@/app/(console)/admin/_components/status-badge";
import type { AdminToolView } from "@/lib/console/tools/list-admin-tool-catalog";
import type { ToolStatus } from "@/lib/tool-catalog/get-tool-status";
import { setToolEnabledAction, undeprecateToolAction } from "./actions";
import { DeprecatedCallers } from "./deprecated-callers";
import { DeprecateToolForm } from "./deprecate-tool-form";
import { ToolGrants } from "./tool-grants";
import { InputSchemaDetails } from "./input-schema-details";

const STATUS_TONES = { active: "green", deprecated: "amber", sunset: "red", disabled: "grey" } as const satisfies Record<ToolStatus, BadgeTone>;

/** One catalogue tool for admins: what clients see, its switches, grants, deprecation and callers. */
export function AdminToolCard({ tool, grantees, otherTools }: { tool: AdminToolView; grantees: { id: string; email: string }[]; otherTools: string[] }) {
  const headingId = `tool-${tool.name}`;
  return (
    <li aria-labelledby={headingId} className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <h2 id={headingId} className="font-mono text-base font-semibold">
            {tool.name}
          </h2>
          <span className="text-sm text-zinc-600 dark:text-zinc-400">{tool.title}</span>
          <span className="rounded-full bg-zinc-100 px-2 py-0.5 font-mono text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">v{tool.version}</span>
          <StatusBadge tone={STATUS_TONES[tool.status]}>{tool.status}</StatusBadge>
          {tool.kind === "command" ? <StatusBadge tone="indigo">command</StatusBadge> : null}
        </div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <span className="font-semibold text-zinc-900 tabular-nums dark:text-zinc-100">{tool.calls24h.toLocaleString("en")}</span> calls in the last 24 h
        </p>
      </div>
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300" data-testid="client-description">
        {tool.description}
      </p>
      {tool.deprecatedAt ? (
        <p className="mt-2 text-sm text-amber-800 dark:text-amber-300">
          Deprecated since <LocalTime iso={tool.deprecatedAt.toISOString()} style="dayTime" />
          {tool.sunsetAt ? (
            <>
              ; sunset <LocalTime iso={tool.sunsetAt.toISOString()} style="dayTime" />
            </>
          ) : (
            "; no sunset date"
          )}
          .
        </p>
      ) : null}

      <div className="mt-4 flex flex-wrap items-start gap-2">
        {tool.enabled ? (
          <ActionButton
            label="Disable"
            ariaLabel={`Disable ${tool.name}`}
            variant="danger"
            action={setToolEnabledAction}
            fields={{ name: tool.name, enabled: "false" }}
            confirm={{ title: `Disable ${tool.name}?`, body: "No client can list or call it until you enable it again. Connected clients are told at once.", confirmLabel: "Disable tool" }}
          />
        ) : (
          <ActionButton label="Enable" ariaLabel={`Enable ${tool.name}`} action={setToolEnabledAction} fields={{ name: tool.name, enabled: "true" }} />
        )}
        {tool.deprecatedAt ? (
          <ActionButton
            label="Clear deprecation"
            ariaLabel={`Clear the deprecation of ${tool.name}`}
            action={undeprecateToolAction}
            fields={{ name: tool.name }}
            confirm={{ title: `Clear the deprecation of ${tool.name}?`, body: "The notice, replacement and sunset date are removed; clients see the plain description again.", confirmLabel: "Clear deprecation" }}
          />
        ) : null}
      </div>
      <DeprecateToolForm tool={{ name: tool.name, deprecated: tool.deprecatedAt !== null, message: tool.deprecationMessage, replacement: tool.replacement, sunsetAt: tool.sunsetAt?.toISOString() ?? null }} otherTools={otherTools} />

      <ToolGrants tool={{ name: tool.name, public: tool.public }} grants={tool.grants.map(({ id, role, userEmail }) => ({ id, role, userEmail }))} grantees={grantees} />
      {tool.deprecatedAt ? <DeprecatedCallers tool={tool.name} deprecatedAt={tool.deprecatedAt} callers={tool.callers} /> : null}
      <InputSchemaDetails schema={tool.inputSchema} />
    </li>
  );
}
