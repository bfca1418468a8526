/** A tool's input JSON Schema behind a disclosure (keyboard: Enter/Space on the summary). */
export function InputSchemaDetails({ schema }: { schema: unknown }) {
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm font-medium text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400">Input schema</summary>
      <pre tabIndex={0} className="mt-2 overflow-x-auto rounded-md bg-zinc-900 px-3 py-2 font-mono text-xs text-zinc-100 dark:bg-black">
        <code>{JSON.stringify(schema, null, 2)}</code>
      </pre>
    </details>
  );
}
