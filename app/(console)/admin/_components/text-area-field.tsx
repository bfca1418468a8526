import type { TextareaHTMLAttributes } from "react";
import { LabelledField } from "@/app/_components/labelled-field";

/** A labelled <textarea> with an optional hint and an error tied to it via aria-describedby. */
export function TextAreaField({ label, name, hint, error, ...area }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; hint?: string; error?: string }) {
  return (
    <LabelledField id={area.id} name={name} label={label} hint={hint} error={error}>
      {(control) => (
        <textarea
          {...control}
          className="rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm text-zinc-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
          {...area}
        />
      )}
    </LabelledField>
  );
}
