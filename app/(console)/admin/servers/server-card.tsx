import { ActionButton } from "@/app/(console)/admin/_components/action-button";
import { StatusBadge, type BadgeTone } from "@/app/(console)/admin/_components/status-badge";
import type { UpstreamServerDetail } from "@/lib/upstreams/get-upstream-server";
import type { UpstreamServerSummary } from "@/lib/upstreams/list-upstream-servers";
import type { ToolUsageStats } from "@/lib/usage/get-tool-usage-stats";
import { removeServerAction, testServerAction } from "./actions";
import { HeldChange } from "./held-change";
import { ServerEditor } from "./server-editor";

const STATUS_TONES: Record<string, BadgeTone> = { connected: "green", starting: "grey", failing: "red", stopped: "grey" };

/** One upstream server: status, transport, tools, 24 h calls and p95, held changes, actions. */
export function ServerCard({ server, usage, detail }: { server: UpstreamServerSummary; usage: ToolUsageStats | undefined; detail: UpstreamServerDetail | undefined }) {
  const target = server.url ?? [server.command, ...server.args].join(" ");
  const { name, transport, command, args, cwd, url, env, headers, timeoutMs, maxConcurrency, settingsVersion } = server;
  const editable = { name, transport, command, args, cwd, url, env, headers, timeoutMs, maxConcurrency, settingsVersion };
  return (
    <li aria-label={server.name} className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="flex items-center gap-2 font-mono font-semibold">
            {server.name} <StatusBadge tone={STATUS_TONES[server.status] ?? "grey"}>{server.status}</StatusBadge>
          </h2>
          <p className="mt-1 text-sm break-all text-zinc-600 dark:text-zinc-400">
            {server.transport} · <code className="font-mono">{target}</code>
          </p>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {server.toolCount} tool(s){server.heldCount > 0 ? ` · ${server.heldCount} held for review` : ""}
            {server.missingCount > 0 ? ` · ${server.missingCount} missing` : ""} · {usage?.calls ?? 0} calls in 24 h · p95 {usage?.p95Ms != null ? `${usage.p95Ms.toFixed(1)} ms` : "—"}
          </p>
          {server.lastError ? <p className="mt-1 text-sm break-words text-red-700 dark:text-red-400">Last error: {server.lastError}</p> : null}
          {[...server.env, ...server.headers].length > 0 ? (
            <p className="mt-1 text-xs break-all text-zinc-500">{[...server.env.map((entry) => `${entry.name}=${entry.value}`), ...server.headers.map((entry) => `${entry.name}: ${entry.value}`)].join(" · ")}</p>
          ) : null}
        </div>
        <ServerEditor server={editable}>
          <ActionButton label="Test connection" ariaLabel={`Test ${server.name}`} action={testServerAction} fields={{ server: server.name }} />
          <ActionButton
            label="Remove"
            ariaLabel={`Remove ${server.name}`}
            variant="danger"
            action={removeServerAction}
            fields={{ server: server.name }}
            confirm={{ title: `Remove ${server.name}?`, body: "The server and its tools (with their grants) are removed; clients lose them at once. Call logs stay.", confirmLabel: "Remove server" }}
          />
        </ServerEditor>
      </div>
      {detail && detail.tools.some((tool) => tool.change) ? (
        <section className="mt-3">
          <h3 className="text-sm font-medium">Held changes</h3>
          <ul className="mt-2 grid gap-2">
            {detail.tools.map((tool) => (tool.change ? <HeldChange key={tool.name} server={server.name} tool={tool} /> : null))}
          </ul>
        </section>
      ) : null}
    </li>
  );
}
