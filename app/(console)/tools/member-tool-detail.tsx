import { TriangleAlert } from "lucide-react";
import { LocalTime } from "@/app/_components/charts/local-time";
import type { MyTool } from "@/lib/console/list-my-tools";
import { InputSchemaDetails } from "./input-schema-details";
import { ToolDetailHeader } from "./tool-detail-header";

const SECTION = "rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900";

/** A tool a member may call, read-only: its description, deprecation (replacement, sunset) and input schema. */
export function MemberToolDetail({ tool }: { tool: MyTool & { server: string | null } }) {
  return (
    <article aria-labelledby="tool-title" className="flex min-w-0 flex-col gap-4">
      <ToolDetailHeader tool={tool} calls24h={null} />
      <section aria-label="Description" className={SECTION}>
        <p className="text-sm break-words text-zinc-700 dark:text-zinc-300">{tool.description}</p>
        {tool.status === "deprecated" ? (
          <p className="mt-3 flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
            <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
            <span>
              Deprecated{tool.replacement ? <> — use <code className="font-mono">{tool.replacement}</code> instead</> : null}.
              {tool.deprecationMessage ? ` ${tool.deprecationMessage}` : null}
              {tool.sunsetAt ? <> Stops working at <LocalTime iso={tool.sunsetAt.toISOString()} style="dayTime" />.</> : null}
            </span>
          </p>
        ) : null}
      </section>
      <section aria-label="Input schema" className={SECTION}>
        <InputSchemaDetails schema={tool.inputSchema} />
      </section>
    </article>
  );
}
