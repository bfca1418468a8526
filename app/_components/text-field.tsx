import type { InputHTMLAttributes } from "react";
import { LabelledField } from "./labelled-field";

/** A labelled input with an optional hint and an error tied to it via aria-describedby. */
export function TextField({ label, name, hint, error, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; hint?: string; error?: string }) {
  return (
    <LabelledField id={input.id} name={name} label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-400 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
          {...input}
        />
      )}
    </LabelledField>
  );
}
