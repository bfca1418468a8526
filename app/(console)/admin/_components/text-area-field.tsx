import type { TextareaHTMLAttributes } from "react";
import { LabelledField } from "./labelled-field";

/** A labelled <textarea> with an optional hint and an error tied to it via aria-describedby. */
export function TextAreaField({ label, name, hint, error, ...area }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; hint?: string; error?: string }) {
  const id = area.id ?? `field-${name}`;
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <textarea
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm text-zinc-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
          {...area}
        />
      )}
    </LabelledField>
  );
}
