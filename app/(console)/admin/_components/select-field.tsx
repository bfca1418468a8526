import type { ReactNode, SelectHTMLAttributes } from "react";
import { LabelledField } from "@/app/_components/labelled-field";

/** A labelled <select> with an optional hint and an error tied to it via aria-describedby. */
export function SelectField({ label, name, hint, error, children, ...select }: SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <LabelledField id={select.id} name={name} label={label} hint={hint} error={error}>
      {(control) => (
        <select
          {...control}
          className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
          {...select}
        >
          {children}
        </select>
      )}
    </LabelledField>
  );
}
