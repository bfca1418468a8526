import { diffAuditStates } from "@/lib/console/admin/diff-audit-states";

function Value({ text }: { text: string | null }) {
  return text === null ? <span className="text-zinc-400">—</span> : <code className="font-mono text-xs break-all">{text}</code>;
}

/** An audit event's change, field by field (old → new), with both states as JSON on demand. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const changes = diffAuditStates(before, after);
  return (
    <div className="flex min-w-0 flex-col gap-1">
      {changes.length === 0 ? <span className="text-xs text-zinc-500 dark:text-zinc-400">no field changed</span> : null}
      <dl className="grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
        {changes.map((change) => (
          <div key={change.field} className="contents">
            <dt className="font-medium text-zinc-600 dark:text-zinc-400">{change.field}</dt>
            <dd className="min-w-0">
              <Value text={change.before} /> <span aria-label="changed to" className="text-zinc-400">→</span> <Value text={change.after} />
            </dd>
          </div>
        ))}
      </dl>
      <details className="text-xs">
        <summary className="w-fit cursor-pointer text-indigo-600 dark:text-indigo-400">JSON</summary>
        <pre tabIndex={0} className="mt-1 max-w-full overflow-x-auto rounded-md bg-zinc-100 p-2 font-mono whitespace-pre-wrap break-all dark:bg-zinc-800">
          {JSON.stringify({ before: before ?? null, after: after ?? null }, null, 2)}
        </pre>
      </details>
    </div>
  );
}
