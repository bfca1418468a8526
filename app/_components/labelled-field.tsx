import type { ReactNode } from "react";

/** The attributes that tie a form control to its LabelledField: spread them on the control. */
export interface LabelledControlProps {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * Label above a form control, optional hint and error below, tied to the control through
 * aria-describedby. The control's id is `id` or, without one, `field-<name>`; `children` receives
 * the id, name, aria-invalid and aria-describedby to put on the control. One frame for every
 * labelled control, so inputs, selects and text areas read alike to a screen reader.
 */
export function LabelledField({ id: givenId, name, label, hint, error, children }: { id?: string; name: string; label: string; hint?: string; error?: string; children: (control: LabelledControlProps) => ReactNode }) {
  const id = givenId ?? `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      {children({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
