import { LocalTime } from "@/app/_components/charts/local-time";
import { ActionButton } from "@/app/(console)/admin/_components/action-button";
import type { AdminToolView } from "@/lib/console/tools/list-admin-tool-catalog";
import { setToolEnabledAction, undeprecateToolAction } from "./actions";
import { DeprecatedCallers } from "./deprecated-callers";
import { DeprecateToolForm } from "./deprecate-tool-form";
import { InputSchemaDetails } from "./input-schema-details";
import { ToolDetailHeader } from "./tool-detail-header";
import { ToolGrants } from "./tool-grants";
import { UpstreamReviewNotice } from "./upstream-review-notice";

const SECTION = "rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900";

/** One catalogue tool for admins: what clients see (or why they do not: held, missing), its switches, deprecation, grants, callers and schema. */
export function AdminToolDetail({ tool, grantees, otherTools }: { tool: AdminToolView & { server: string | null }; grantees: { id: string; email: string }[]; otherTools: string[] }) {
  return (
    <article aria-labelledby="tool-title" className="flex min-w-0 flex-col gap-4">
      <ToolDetailHeader tool={tool} calls24h={tool.calls24h} />
      <section aria-label="What clients see" className={SECTION}>
        <h2 className="text-sm font-medium">Description in tools/list</h2>
        <p className="mt-1 text-sm break-words text-zinc-700 dark:text-zinc-300" data-testid="client-description">
          {tool.description}
        </p>
        <UpstreamReviewNotice review={tool.review} server={tool.server} />
        {tool.deprecatedAt ? (
          <p className="mt-2 text-sm text-amber-800 dark:text-amber-300">
            Deprecated since <LocalTime iso={tool.deprecatedAt.toISOString()} style="dayTime" />
            {tool.sunsetAt ? (
              <>
                ; {tool.status === "sunset" ? "sunset since" : "sunset"} <LocalTime iso={tool.sunsetAt.toISOString()} style="dayTime" />
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
            <ActionButton label="Enable" ariaLabel={`Enable ${tool.name}`} variant="primary" action={setToolEnabledAction} fields={{ name: tool.name, enabled: "true" }} />
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
          <DeprecateToolForm tool={{ name: tool.name, deprecated: tool.deprecatedAt !== null, message: tool.deprecationMessage, replacement: tool.replacement, sunsetAt: tool.sunsetAt?.toISOString() ?? null }} otherTools={otherTools} />
        </div>
      </section>
      <section aria-label={`Who may call ${tool.name}`} className={SECTION}>
        <ToolGrants tool={{ name: tool.name, public: tool.public }} grants={tool.grants.map(({ id, role, userEmail }) => ({ id, role, userEmail }))} grantees={grantees} />
      </section>
      {tool.deprecatedAt ? (
        <section aria-label={`Who still calls ${tool.name}`} className={SECTION}>
          <DeprecatedCallers tool={tool.name} deprecatedAt={tool.deprecatedAt} pastSunset={tool.status === "sunset"} callers={tool.callers} />
        </section>
      ) : null}
      <section aria-label="Input schema" className={SECTION}>
        <InputSchemaDetails schema={tool.inputSchema} />
      </section>
    </article>
  );
}
