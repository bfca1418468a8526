"use client";

import { useState } from "react";
import { useIsClient } from "@/app/_components/charts/use-is-client";
import { FilterField } from "../filter-field";

/** "YYYY-MM-DDTHH:mm" of an instant in the browser's zone, as datetime-local inputs take it. */
function toLocalInputValue(iso: string): string {
  const date = new Date(iso);
  const pad = (number: number) => String(number).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A date-and-time filter in the viewer's own zone. datetime-local carries no zone, so the GET form
 * submits a hidden ISO instant (with offset) computed here in the browser, never the local text.
 */
export function LocalDateTimeField({ label, name, iso }: { label: string; name: string; iso: string | null }) {
  const isClient = useIsClient();
  const [edited, setEdited] = useState<string | null>(null);
  const shown = edited ?? (iso && isClient ? toLocalInputValue(iso) : "");
  const submitted = edited === null ? (iso ?? "") : edited ? new Date(edited).toISOString() : "";
  const id = `filter-${name}`;
  return (
    <FilterField label={label} htmlFor={id}>
      <input
        id={id}
        type="datetime-local"
        value={shown}
        onChange={(event) => setEdited(event.target.value)}
        className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      />
      <input type="hidden" name={name} value={submitted} />
    </FilterField>
  );
}
