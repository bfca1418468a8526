"use client";

import { TriangleAlert } from "lucide-react";
import { CopyButton } from "@/app/_components/copy-button";
import { Button } from "@/app/_components/button";
import type { ClientSnippets } from "@/lib/console/build-client-snippets";

const SNIPPETS = [
  { id: "claudeHttp", title: "Claude Code (Streamable HTTP)", copyLabel: "the claude mcp add command for Streamable HTTP" },
  { id: "claudeSse", title: "Claude Code (HTTP + SSE, older clients)", copyLabel: "the claude mcp add command for SSE" },
  { id: "mcpJson", title: ".mcp.json (project-scoped)", copyLabel: "the .mcp.json snippet" },
] as const satisfies ReadonlyArray<{ id: keyof ClientSnippets; title: string; copyLabel: string }>;

function CodeRow({ title, value, copyLabel, multiline = false }: { title: string; value: string; copyLabel: string; multiline?: boolean }) {
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-medium">{title}</h3>
        <CopyButton text={value} label={copyLabel} />
      </div>
      <pre
        tabIndex={0}
        className={`overflow-x-auto rounded-md bg-zinc-900 px-3 py-2 font-mono text-xs text-zinc-100 dark:bg-black ${multiline ? "" : "whitespace-pre"}`}
      >
        <code>{value}</code>
      </pre>
    </div>
  );
}

/** The one time a key's secret is shown, with ready-to-paste client configuration. */
export function SecretReveal({ name, secret, snippets, onDone }: { name: string; secret: string; snippets: ClientSnippets; onDone: () => void }) {
  return (
    <section aria-labelledby="secret-title" className="flex flex-col gap-5 rounded-xl border border-emerald-300 bg-emerald-50/60 p-5 dark:border-emerald-900 dark:bg-emerald-950/30">
      <div>
        <h2 id="secret-title" className="text-lg font-semibold">
          Key “{name}” is ready
        </h2>
        <p className="mt-1 flex items-start gap-2 text-sm text-amber-800 dark:text-amber-300">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          Copy it now: this is the only time the hub shows it. Lost it? Revoke it and mint another.
        </p>
      </div>
      <CodeRow title="API key" value={secret} copyLabel="the API key" />
      {SNIPPETS.map((snippet) => (
        <CodeRow key={snippet.id} title={snippet.title} value={snippets[snippet.id]} copyLabel={snippet.copyLabel} multiline={snippet.id === "mcpJson"} />
      ))}
      <div>
        <Button variant="secondary" onClick={onDone}>
          I have copied it
        </Button>
      </div>
    </section>
  );
}
