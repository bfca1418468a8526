/** A tool's input JSON Schema, scrolling inside its own box so a long line never widens the page. */
export function InputSchemaDetails({ schema }: { schema: unknown }) {
  return (
    <>
      <h2 className="text-sm font-medium">Input schema</h2>
      <pre tabIndex={0} aria-label="Input schema (JSON)" className="mt-2 max-h-96 max-w-full overflow-auto rounded-md bg-zinc-900 px-3 py-2 font-mono text-xs text-zinc-100 dark:bg-black">
        <code>{JSON.stringify(schema, null, 2)}</code>
      </pre>
    </>
  );
}
