import type { HeldChange } from "@/lib/upstreams/describe-held-change";
import { formatDefinitionValue } from "@/lib/upstreams/format-definition-value";

/**
 * A held definition against the approved one: every fingerprinted field that differs, approved
 * and held side by side (a new tool: every field it defines).
 */
export function HeldDefinitionDiff({ change }: { change: HeldChange }) {
  return (
    <dl className="mt-2 flex flex-col gap-3">
      {change.fields.map((row) => (
        <div key={row.field} className="min-w-0">
          <dt className="text-xs font-semibold text-zinc-700 dark:text-zinc-300">{row.label}</dt>
          <dd className="mt-1 grid gap-2 sm:grid-cols-2">
            <DefinitionText side="Approved" field={row.label} text={change.kind === "new" ? "(new tool)" : formatDefinitionValue(row.before, "indented")} />
            <DefinitionText side="Held" field={row.label} text={formatDefinitionValue(row.after, "indented")} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** One side of a field's diff, scrolling in its own box. */
function DefinitionText({ side, field, text }: { side: "Approved" | "Held"; field: string; text: string }) {
  return (
    <figure className="min-w-0" aria-label={`${side} ${field}`}>
      <figcaption className="text-xs font-medium text-zinc-500">{side}</figcaption>
      <pre className="mt-1 max-h-64 overflow-auto rounded-md bg-zinc-100 p-2 font-mono text-xs whitespace-pre-wrap dark:bg-zinc-950">{text}</pre>
    </figure>
  );
}
